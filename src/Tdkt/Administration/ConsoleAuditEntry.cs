using NodaTime;

namespace Tdkt.Administration;

/// <summary>One change made through the console or the command line, with the person who made it.</summary>
public sealed record ConsoleAuditEntry(Instant At, string By, string Action, string Subject, string Detail);
