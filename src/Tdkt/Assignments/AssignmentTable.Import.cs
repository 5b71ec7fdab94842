using Azure.Data.Tables;
using NodaTime.Text;
using Tdkt.Hosting;
using Tdkt.Storage;

namespace Tdkt.Assignments;

public sealed partial class AssignmentTable
{
    /// <summary>Every assignment row of a plan, removed ones included, by key (the records after them are not the plan's rows).</summary>
    public async Task<IReadOnlyDictionary<string, StoredAssignment>> StoredAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var stored = new Dictionary<string, StoredAssignment>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}"),
            select: ["RowKey", AssignmentColumns.Removed, AssignmentColumns.Due, AssignmentColumns.Status, AssignmentColumns.Extension], cancellationToken: cancellationToken))
        {
            stored[row.RowKey] = new StoredAssignment(AssignmentKey.Parse(row.RowKey), AssignmentReader.IsRemoved(row), AssignmentReader.Date(row, AssignmentColumns.Due),
                AssignmentReader.IsDone(row), ExtensionColumn.Read(row.GetString(AssignmentColumns.Extension)));
        }
        return stored;
    }

    /// <summary>
    /// Writes a plan's assignments as an import gives them (merged: completion, extension and files are kept), marks the rows
    /// the plan no longer has removed (never deleted), then the same on the agencies' copies and their stamps.
    /// </summary>
    public async Task WritePlanAsync(string plan, IReadOnlyList<PlannedAssignment> assignments, IReadOnlyDictionary<string, StoredAssignment> stored,
        ProgressCounter? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stored);
        var table = await TableAsync(cancellationToken);
        var rows = assignments.Select(a => new TableEntity(plan, a.Key.Value)
        {
            [AssignmentColumns.TaskNumber] = a.TaskNumber,
            [AssignmentColumns.Agency] = a.Agency,
            [AssignmentColumns.IsLead] = a.IsLead,
            [AssignmentColumns.Quarter] = a.Quarter,
            [AssignmentColumns.Due] = LocalDatePattern.Iso.Format(a.Due),
            [AssignmentColumns.Ongoing] = a.Ongoing,
            [AssignmentColumns.Occurrence] = a.Occurrence,
            [AssignmentColumns.Undated] = a.Undated,
            [AssignmentColumns.Removed] = false,
        }).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var retired = stored.Values.Where(old => !keep.Contains(old.Key.Value) && !old.Removed).Select(old => old.Key.Value).ToList();
        await RetiringUpsert.WriteAsync(table, plan, rows, retired, AssignmentColumns.Removed, written, cancellationToken);
        await AgencyRowCopies.SyncAsync(table, plan, rows, retired,
            stored.Values.Where(old => old.Done).Select(old => old.Key.Value).ToHashSet(StringComparer.Ordinal), AssignmentColumns.Completion, cancellationToken);
    }

    /// <summary>Audit rows written on their own (what an import did to recorded completions), before the import counts as saved.</summary>
    public async Task WriteAuditAsync(IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var table = await TableAsync(cancellationToken);
        foreach (var chunk in audit.Select(AuditLog.Row).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }
}
