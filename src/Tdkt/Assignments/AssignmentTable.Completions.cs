using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Assignments;

public sealed partial class AssignmentTable
{
    /// <summary>
    /// Marks the assignment done on <paramref name="on"/> in one transaction with a completion marker (whose insert fails
    /// if the assignment is already done, so two at once record one), the audit row and the agency's copy and stamp. No read
    /// comes first; completions in the same plan at the same time share one transaction (<see cref="Storage.GroupCommit"/>).
    /// Throws <see cref="TableTransactionFailedException"/> with 404 (no such row) or 409 (already done).
    /// </summary>
    public async Task RecordCompletionAsync(string plan, string assignmentKey, LocalDate on, CompletionInput input, Instant at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = await TableAsync(cancellationToken);
        var update = new TableEntity(plan, assignmentKey)
        {
            [AssignmentColumns.Status] = AssignmentRows.DoneStatus,
            [AssignmentColumns.CompletedOn] = LocalDatePattern.Iso.Format(on),
            [AssignmentColumns.CompletedAt] = at.ToDateTimeOffset(),
            [AssignmentColumns.CompletedBy] = input.By,
            [AssignmentColumns.CompletedNote] = input.Note,
            [AssignmentColumns.CompletedVia] = input.Via,
            [AssignmentColumns.CompletedIp] = input.ClientIp,
            [AssignmentColumns.CompletedUserAgent] = input.UserAgent,
        };
        await groupCommit.SubmitAsync(table,
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(plan, Marker(assignmentKey)) { ["At"] = at.ToDateTimeOffset() }),
            new TableTransactionAction(TableTransactionActionType.Add,
                AuditLog.Row(new AuditEntry(plan, assignmentKey, AuditLog.Actions.Complete, at, input.By, input.Note, input.ClientIp, input.UserAgent))),
            // Merge needs the row to exist: an assignment that is not there fails the whole transaction.
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, Azure.ETag.All),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, AgencyRowCopies.Of(update, AssignmentColumns.Completion)),
            AgencyRowCopies.Stamp(plan, AssignmentKey.Parse(assignmentKey).Agency),
        ], AgencyRowCopies.IsStamp, cancellationToken);
    }

    /// <summary>
    /// Makes a done assignment open again when <paramref name="allowed"/> agrees with the row as read: the completion
    /// columns and marker are removed and <paramref name="audit"/>'s row added, in one transaction (read again when the
    /// row changed meanwhile). Returns whether it was cleared and the assignment as read.
    /// </summary>
    public async Task<(bool Cleared, AssignmentRecord? Record)> ClearCompletionAsync(string plan, string assignmentKey, Func<AssignmentRecord, bool> allowed,
        Func<AssignmentRecord, AuditEntry> audit, bool countsAsUndo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(audit);
        var table = await TableAsync(cancellationToken);
        var withMarker = true;
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, assignmentKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return (false, null);
            }
            var entity = row.Value!;
            var current = AssignmentReader.Record(entity);
            if (current.Removed || !current.Done || !allowed(current))
            {
                return (false, current);
            }
            foreach (var column in AssignmentColumns.Completion)
            {
                entity.Remove(column);
            }
            var copy = new TableEntity(plan, AssignmentRows.AgencyRowKey(AssignmentKey.Parse(assignmentKey))) { [AssignmentColumns.Status] = "" };
            if (countsAsUndo)
            {
                entity[AssignmentColumns.Undos] = copy[AssignmentColumns.Undos] = current.Undos + 1;
            }
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, AuditLog.Row(audit(current))),
                new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
                new(TableTransactionActionType.UpsertMerge, copy),
            };
            if (withMarker)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(plan, Marker(assignmentKey)), Azure.ETag.All));
            }
            // Last, so the marker's delete stays action 3; an upsert never fails for a missing row.
            actions.Add(AgencyRowCopies.Stamp(plan, AssignmentKey.Parse(assignmentKey).Agency));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (attempt < 10 && (ex.Status == 412 || (ex.Status == 404 && ex.FailedTransactionActionIndex == 3)))
            {
                // The row changed meanwhile (read again), or was marked done without a marker (clear without one).
                withMarker &= ex.Status != 404;
                continue;
            }
            return (true, current);
        }
    }

    /// <summary>
    /// Reads the assignment, lets <paramref name="decide"/> say what happens to <paramref name="column"/> (an outcome, and
    /// a new value with the records written with it, or none), and writes the value to the row (with the ETag it was read
    /// at) and to the agency's copy, with the agency's stamp and those records, in one transaction; read and decided again
    /// when the row changed meanwhile. Returns the outcome and the assignment as read (null when it is not there).
    /// </summary>
    public async Task<(T Outcome, AssignmentRecord? Record)> ChangeAsync<T>(string plan, AssignmentKey key, string column,
        Func<AssignmentRecord, (T Outcome, string? Value, IReadOnlyList<TableTransactionAction> Records)> decide, T notHeld, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var table = await TableAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, key.Value, cancellationToken: cancellationToken);
            if (!row.HasValue || AssignmentReader.IsRemoved(row.Value!))
            {
                return (notHeld, null);
            }
            var record = AssignmentReader.Record(row.Value!);
            var (outcome, value, records) = decide(record);
            if (value is null)
            {
                return (outcome, record);
            }
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateMerge, new TableEntity(plan, key.Value) { [column] = value }, row.Value!.ETag),
                new(TableTransactionActionType.UpsertMerge, new TableEntity(plan, AssignmentRows.AgencyRowKey(key)) { [column] = value }),
                AgencyRowCopies.Stamp(plan, key.Agency),
            };
            actions.AddRange(records);
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return (outcome, record);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 && attempt < 10)
            {
                // The row changed meanwhile (read again and decide again), or two steps in the same tick wrote one audit key.
            }
        }
    }

    private static string Marker(string assignmentKey) => AssignmentRows.DoneMarker(AssignmentKey.Parse(assignmentKey));
}
