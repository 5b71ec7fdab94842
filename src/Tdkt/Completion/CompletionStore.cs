using Azure.Data.Tables;
using NodaTime;
using Tdkt.Assignments;

namespace Tdkt.Completion;

/// <summary>
/// Completions: the assignment's row (<see cref="AssignmentTable"/>) and the due-date index kept in step. Two people
/// marking the same assignment at once record it once, and a completion never overwrites a plan import or the reverse.
/// </summary>
public sealed class CompletionStore(AssignmentTable assignments, DueIndex dueIndex, IClock clock)
{
    public Task<AssignmentRecord?> GetAsync(string plan, string assignmentKey, CancellationToken cancellationToken) =>
        assignments.GetAsync(plan, assignmentKey, cancellationToken);

    /// <summary>An agency's current assignments in one plan (<see cref="AssignmentTable.PageRowsAsync"/>).</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> OfAgencyAsync(string plan, string agency, bool fromCopies, CancellationToken cancellationToken) =>
        (await PageRowsAsync(plan, agency, fromCopies, cancellationToken)).Records;

    /// <summary>The agency's assignments in one plan and its inbox there (<see cref="SupervisorInbox"/>), under one stamp.</summary>
    public Task<AgencyRows> PageRowsAsync(string plan, string agency, bool fromCopies, CancellationToken cancellationToken) =>
        assignments.PageRowsAsync(plan, agency, fromCopies, cancellationToken);

    /// <summary>Every current assignment of a plan (one partition read, the audit and the agency copies left out).</summary>
    public Task<IReadOnlyList<AssignmentRecord>> OfPlanAsync(string plan, CancellationToken cancellationToken) => assignments.OfPlanAsync(plan, cancellationToken);

    /// <summary>Every current assignment of one task.</summary>
    public Task<IReadOnlyList<AssignmentRecord>> OfTaskAsync(string plan, string taskKey, CancellationToken cancellationToken) =>
        assignments.OfTaskAsync(plan, taskKey, cancellationToken);

    /// <summary>Brings the due-date index in line with the assignment (idempotent, so also after an interrupted completion).</summary>
    public Task<bool> MarkIndexAsync(AssignmentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return dueIndex.SetDoneAsync(record.Due, DueEntry.RowKeyFor(record.Plan, record.Key), record.Done, cancellationToken);
    }

    /// <summary>
    /// Marks the assignment done on <paramref name="on"/> (<see cref="AssignmentTable.RecordCompletionAsync"/>: two at once
    /// record one), then the due-date index. No read comes first: a completion is one write to its partition and one to
    /// the index, each shared with the completions made at the same moment.
    /// </summary>
    public async Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> RecordAsync(string plan, string assignmentKey, LocalDate due, LocalDate on,
        CompletionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await assignments.RecordCompletionAsync(plan, assignmentKey, on, input, clock.GetCurrentInstant(), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409)
        {
            var current = await GetAsync(plan, assignmentKey, cancellationToken);
            if (ex.Status == 404 || current is null || current.Removed || !current.Done)
            {
                return (CompleteOutcome.NotHeld, null);
            }
            // Already done: the index is set again, in case an earlier request stopped before it.
            await MarkIndexAsync(current, cancellationToken);
            return (CompleteOutcome.AlreadyDone, current);
        }
        if (!await dueIndex.SetDoneAsync(due, DueEntry.RowKeyFor(plan, assignmentKey), true, cancellationToken)
            && await GetAsync(plan, assignmentKey, cancellationToken) is { } extended && extended.Due != due)
        {
            // No entry at the plan's date: an extension moved it (only then is the row read).
            await MarkIndexAsync(extended, cancellationToken);
        }
        return (CompleteOutcome.Recorded, null);
    }

    /// <summary>
    /// Makes a done assignment open again when <paramref name="allowed"/> agrees with the row as read
    /// (<see cref="AssignmentTable.ClearCompletionAsync"/>); then the index.
    /// </summary>
    public async Task<(bool Cleared, AssignmentRecord? Record)> ClearAsync(string plan, string assignmentKey, Func<AssignmentRecord, bool> allowed,
        Func<AssignmentRecord, AuditEntry> audit, CancellationToken cancellationToken, bool countsAsUndo = false)
    {
        var (cleared, current) = await assignments.ClearCompletionAsync(plan, assignmentKey, allowed, audit, countsAsUndo, cancellationToken);
        if (cleared)
        {
            await dueIndex.SetDoneAsync(current!.Due, DueEntry.RowKeyFor(plan, assignmentKey), false, cancellationToken);
        }
        return (cleared, current);
    }
}
