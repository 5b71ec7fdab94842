

namespace Tdkt.Mail;

/// <summary>What sending a day's failed digests again did: how many were reset, how many had changed meanwhile, in words.</summary>
public sealed record DigestDayRetryOutcome(int Retried, int Skipped, string Message);
