using NodaTime;

namespace Tdkt.Assignments;

/// <summary>One assignment as a plan gives it: what an import writes of the row (never its completion, extension or files).</summary>
public sealed record PlannedAssignment(string TaskKey, string TaskNumber, string Agency, bool IsLead, int Quarter, LocalDate Due, bool Ongoing, bool Occurrence, bool Undated)
{
    public AssignmentKey Key => new(TaskKey, Agency);
}
