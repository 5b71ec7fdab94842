using Azure;
using NodaTime;

namespace Tdkt.Assignments;

/// <summary>
/// One task × agency assignment as stored, with its completion if it is done. <see cref="Due"/> is the date in force
/// (an approved extension's, see <see cref="ExtensionState.DueAfter"/>); <see cref="PlanDue"/> the plan's.
/// </summary>
public sealed record AssignmentRecord(
    string Plan, string Key, string TaskKey, string TaskNumber, string Agency, bool IsLead, int Quarter, LocalDate Due, bool Removed,
    CompletionInfo? Completion, ETag ETag)
{
    public bool Done => Completion is not null;

    /// <summary>When the row was last written (storage's timestamp): a calendar feed's SEQUENCE and Last-Modified.</summary>
    public DateTimeOffset? Changed { get; init; }

    /// <summary>How many times the agency has undone a completion of this assignment through its link.</summary>
    public int Undos { get; init; }

    /// <summary>The files the agency attached (at most five, the evidence store's limit).</summary>
    public ValueList<EvidenceFile> Files { get; init; } = EvidenceColumn.None;

    /// <summary>The date the plan gives (<see cref="Due"/> unless an extension was granted).</summary>
    public LocalDate PlanDue { get; init; }

    /// <summary>The last request for more time and the date granted, if any.</summary>
    public ExtensionState Extension { get; init; } = ExtensionState.None;

    /// <summary>Whether <see cref="Due"/> is an extension of the plan's date.</summary>
    public bool Extended => Extension.Extends(PlanDue);

    /// <summary>The assignment's entry in the due-date index at <paramref name="due"/>.</summary>
    public DueEntry EntryAt(LocalDate due) => new(Plan, TaskKey, TaskNumber, Agency, Quarter, due, Done);
}
