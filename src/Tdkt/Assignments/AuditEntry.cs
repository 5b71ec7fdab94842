using NodaTime;

namespace Tdkt.Assignments;

/// <summary>One change of an assignment's state, as kept in the audit.</summary>
public sealed record AuditEntry(string Plan, string Assignment, string Action, Instant At, string? By, string? Note, string? ClientIp, string? UserAgent);
