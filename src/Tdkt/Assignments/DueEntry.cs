using NodaTime;

namespace Tdkt.Assignments;

/// <summary>One assignment as the reminder index holds it: partitioned by due date, so the sweep reads only the dates that can speak today.</summary>
/// <remarks>
/// <see cref="CompletedOn"/> is known only when read from the assignment row itself. An <see cref="Ongoing"/> task
/// ("Thường xuyên") has no due date of its own: it sits at the plan year's last day, is told in every quarter's kickoff
/// and is never upcoming, due or overdue.
/// </remarks>
public sealed record DueEntry(string Plan, string TaskKey, string TaskNumber, string Agency, int Quarter, LocalDate Due, bool Done, LocalDate? CompletedOn = null,
    bool Ongoing = false)
{
    /// <summary>Whether <see cref="Due"/> is an approved extension of the plan's date (known when read from the assignment row).</summary>
    public bool Extended { get; init; }

    /// <summary>Whether the assignment is one occurrence of a recurring duty (known when read from the assignment row).</summary>
    public bool Occurrence { get; init; }

    /// <summary>Whether the task has no fixed date yet ("Khi có yêu cầu"; known when read from the assignment row).</summary>
    public bool Undated { get; init; }

    /// <summary>The files attached to the assignment (known when read from the assignment row; none in the index).</summary>
    public ValueList<EvidenceFile> Files { get; init; } = EvidenceColumn.None;

    public string RowKey => new AssignmentKey(TaskKey, Agency).IndexRowKey(Plan);

    /// <summary>The index row of an assignment row (whose key is task--agency).</summary>
    public static string RowKeyFor(string plan, string assignmentKey) => AssignmentKey.Parse(assignmentKey).IndexRowKey(plan);
}
