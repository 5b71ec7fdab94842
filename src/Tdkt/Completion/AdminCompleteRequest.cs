using NodaTime;

namespace Tdkt.Completion;

/// <summary>
/// An administrator records an agency's completion on its behalf (it reported by letter or phone), on the report's
/// date: <c>Task</c> as printed in the plan ("1", "III.1") or its key ("0001"); <c>On</c> the date of the agency's
/// report, today when not given.
/// </summary>
public sealed record AdminCompleteRequest(string Plan, string Task, string Agency, LocalDate? On, string? By, string? Note);
