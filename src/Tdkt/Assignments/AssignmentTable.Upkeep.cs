using Azure;
using Azure.Data.Tables;
using Tdkt.Storage;

namespace Tdkt.Assignments;

public sealed partial class AssignmentTable
{
    /// <summary>
    /// Empties <paramref name="auditColumns"/> of the plan's audit rows and <paramref name="assignmentColumns"/> of its
    /// assignments and their copies, for rows last written before <paramref name="before"/>, each with the ETag it was read
    /// at (a change meanwhile wins; the row is looked at again next time). <paramref name="take"/> says whether one more row
    /// may be changed. Returns how many rows were changed.
    /// </summary>
    public async Task<int> EmptyColumnsAsync(string plan, DateTimeOffset before, IReadOnlyList<string> auditColumns, IReadOnlyList<string> assignmentColumns,
        Func<bool> take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(take);
        var table = await TableAsync(cancellationToken);
        // Agencies whose copies were changed: their pages' stamps change, so no page shows a kept copy's old value.
        var copiesOf = new HashSet<string>(StringComparer.Ordinal);
        var emptied = 0;
        try
        {
            foreach (var (range, columns) in new[]
            {
                (TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {AssignmentRows.AuditPrefix} and RowKey lt {AssignmentRows.AuditEnd}"), auditColumns),
                (TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}"), assignmentColumns),
                (TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {AssignmentRows.AgencyPrefix} and RowKey lt {AssignmentRows.AgencyEnd}"), assignmentColumns),
            })
            {
                var holding = string.Join(" or ", columns.Select(c => $"{c} gt ''"));
                var filter = $"{range} and Timestamp lt {TableClient.CreateQueryFilter($"{before}")} and ({holding})";
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", .. columns], cancellationToken: cancellationToken))
                {
                    if (!take())
                    {
                        return emptied;
                    }
                    var update = new TableEntity(row.PartitionKey, row.RowKey);
                    foreach (var column in columns)
                    {
                        update[column] = "";
                    }
                    if (await ConditionalWrite.TryAsync(() => table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken)))
                    {
                        emptied++;
                        if (row.RowKey.StartsWith(AssignmentRows.AgencyPrefix, StringComparison.Ordinal))
                        {
                            copiesOf.Add(AssignmentRows.OfAgencyRow(row.RowKey).Agency);
                        }
                    }
                }
            }
            return emptied;
        }
        finally
        {
            if (copiesOf.Count > 0)
            {
                await AgencyRowCopies.StampAsync(table, plan, copiesOf, CancellationToken.None);
            }
        }
    }

    /// <summary>The plan's assignments that list attached files, with the ETag each was read at.</summary>
    public async Task<IReadOnlyList<(AssignmentKey Key, IReadOnlyList<EvidenceFile> Files, ETag ETag)>> WithFilesAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var rows = new List<(AssignmentKey, IReadOnlyList<EvidenceFile>, ETag)>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}"), select: ["RowKey", AssignmentColumns.Files], cancellationToken: cancellationToken))
        {
            if (row.GetString(AssignmentColumns.Files) is { Length: > 2 } json)
            {
                rows.Add((AssignmentKey.Parse(row.RowKey), EvidenceColumn.Read(json), row.ETag));
            }
        }
        return rows;
    }

    /// <summary>Empties an assignment's list of files (row and copy) if it is unchanged since <paramref name="etag"/>; false when it changed.</summary>
    public async Task<bool> EmptyFilesAsync(string plan, AssignmentKey key, ETag etag, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(plan, key.Value) { [AssignmentColumns.Files] = "" }, etag),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(plan, AssignmentRows.AgencyRowKey(key)) { [AssignmentColumns.Files] = "" }),
                AgencyRowCopies.Stamp(plan, key.Agency),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Withdraws every file item of the plan's supervisors' inboxes, and who sent it (the end of the plan's records period).</summary>
    public async Task WithdrawFileItemsAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var supervisors = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {SupervisorInbox.Prefix} and RowKey lt {SupervisorInbox.End} and Kind eq {nameof(InboxKind.File)} and Removed eq {false}"),
            select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await table.UpsertEntityAsync(SupervisorInbox.Forget(plan, row.RowKey), TableUpdateMode.Merge, cancellationToken);
            if (SupervisorInbox.SupervisorOf(row.RowKey) is { } supervisor)
            {
                supervisors.Add(supervisor);
            }
        }
        await AgencyRowCopies.StampAsync(table, plan, supervisors, cancellationToken);
    }
}
