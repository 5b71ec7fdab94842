using NodaTime;

namespace Tdkt.Assignments;

/// <summary>An assignment row as an import finds it: removed or not, the plan's date, done or not, and its extension.</summary>
public sealed record StoredAssignment(AssignmentKey Key, bool Removed, LocalDate? PlanDue, bool Done, ExtensionState Extension);
