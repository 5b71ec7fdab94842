

namespace Tdkt.Mail;

/// <summary>What an administrator's retry of a digest did, with the message every host shows.</summary>
public sealed record DigestRetryOutcome(DigestRetryResult Result, string Message, string Key);
