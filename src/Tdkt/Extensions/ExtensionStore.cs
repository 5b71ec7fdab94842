using Azure.Data.Tables;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Storage;

namespace Tdkt.Extensions;

/// <summary>What one step of an extension writes besides the assignment's <c>Extension</c> column: its audit row and the supervisor's inbox.</summary>
public sealed record ExtensionChange(ExtensionState Next, AuditEntry Audit, IReadOnlyList<TableTransactionAction> Inbox);

/// <summary>
/// Writes an extension step: the assignment row (with the ETag it was read at), the agency's copy and stamp, the audit
/// row and the supervising agency's inbox item and stamp, in one transaction of the plan's partition; read again when
/// the row changed meanwhile. The due-date index follows after (<see cref="ExtensionService"/>).
/// </summary>
public sealed class ExtensionStore(StorageTables tables)
{
    public static class Actions
    {
        public const string Request = "extension-request";
        public const string Approve = "extension-approve";
        public const string Decline = "extension-decline";

        /// <summary>Every extension action starts so; <see cref="End"/> follows them all ('.' after '-').</summary>
        public const string Prefix = "extension-";
        public const string End = "extension.";
    }

    /// <summary>
    /// Reads the assignment, lets <paramref name="decide"/> say what happens (an outcome, and a change or none), and writes
    /// the change. Returns the outcome and the assignment as read before the change (null when it is not there).
    /// </summary>
    public async Task<(T Outcome, AssignmentRecord? Record)> ChangeAsync<T>(string plan, AssignmentKey key,
        Func<AssignmentRecord, (T Outcome, ExtensionChange? Change)> decide, T notHeld, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, key.Value, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value!.GetBoolean("Removed") == true)
            {
                return (notHeld, null);
            }
            var record = CompletionStore.Read(row.Value);
            var (outcome, change) = decide(record);
            if (change is null)
            {
                return (outcome, record);
            }
            var json = ExtensionColumn.Write(change.Next);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateMerge, new TableEntity(plan, key.Value) { [ExtensionColumn.Name] = json }, row.Value.ETag),
                new(TableTransactionActionType.UpsertMerge, new TableEntity(plan, AssignmentRows.AgencyRowKey(key)) { [ExtensionColumn.Name] = json }),
                AgencyRowCopies.Stamp(plan, key.Agency),
                new(TableTransactionActionType.Add, AuditLog.Row(change.Audit)),
            };
            actions.AddRange(change.Inbox);
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
}
