using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Hosting;
using Tdkt.Storage;

namespace Tdkt.Assignments;

/// <summary>
/// The due-date index (table <c>DueIndex</c>): partition = due date (yyyy-MM-dd), row = plan~task--agency.
/// It is derived from the assignments (PlanStore writes it, completion marks it done), so it can be
/// rebuilt; the assignment row stays the truth (docs/decisions/0004-due-date-index.md).
/// </summary>
public sealed class DueIndex(StorageTables tables, GroupCommit groupCommit)
{
    public async Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        await tables.GetAsync(StorageTables.DueIndex, cancellationToken);

    /// <summary>Writes entries and deletes the ones given as stale, in per-date batches.</summary>
    public Task WriteAsync(IEnumerable<DueEntry> entries, IEnumerable<(LocalDate Due, string RowKey)> stale, CancellationToken cancellationToken) =>
        WriteAsync(entries, stale, null, cancellationToken);

    /// <summary>
    /// The same; <paramref name="written"/> counts the entries written (it already knows how many there are). The rows
    /// in <paramref name="keepDone"/> exist already at the same date: they are merged without their done flag, which
    /// completions keep (a completion made while a plan is re-imported is not set open again).
    /// </summary>
    public async Task WriteAsync(IEnumerable<DueEntry> entries, IEnumerable<(LocalDate Due, string RowKey)> stale, ProgressCounter? written,
        CancellationToken cancellationToken, IReadOnlySet<string>? keepDone = null)
    {
        var table = await TableAsync(cancellationToken);
        var actions = entries.Select(e => (Partition: Key(e.Due), Action: keepDone?.Contains(e.RowKey) == true
                ? new TableTransactionAction(TableTransactionActionType.UpsertMerge, WithoutDone(ToEntity(e)))
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(e))))
            .Concat(stale.Select(s => (Partition: Key(s.Due), Action: new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Key(s.Due), s.RowKey), Azure.ETag.All))));
        var batches = actions.GroupBy(a => a.Partition).SelectMany(g => g.Select(a => a.Action).Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, ct);
                    written?.Add(batch.Count(a => a.ActionType != TableTransactionActionType.Delete));
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // A stale row already gone: delete the rest one by one (a delete is idempotent here).
                    foreach (var action in batch)
                    {
                        if (action.ActionType == TableTransactionActionType.Delete)
                        {
                            await DeleteIfExistsAsync(table, action.Entity, ct);
                        }
                        else
                        {
                            await table.UpsertEntityAsync((TableEntity)action.Entity,
                                action.ActionType == TableTransactionActionType.UpsertMerge ? TableUpdateMode.Merge : TableUpdateMode.Replace, ct);
                            written?.Add(1);
                        }
                    }
                }
            });
    }

    /// <summary>Marks one entry done (or open again); false when there is no such entry (ignored: the index is derived).</summary>
    public async Task<bool> SetDoneAsync(LocalDate due, string rowKey, bool done, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            // Completions due the same day at the same time share one write (partition = due date).
            await groupCommit.SubmitAsync(table,
                [new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(Key(due), rowKey) { ["Done"] = done }, Azure.ETag.All)],
                cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves an assignment's entry from <paramref name="from"/> to its new date (an extension): the new row first, then
    /// the old one deleted, so a crash between leaves two rows, which the next move or the sweep's repair settles.
    /// </summary>
    public async Task MoveAsync(DueEntry entry, LocalDate from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await TableAsync(cancellationToken);
        await table.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
        if (from != entry.Due)
        {
            await DeleteIfExistsAsync(table, new TableEntity(Key(from), entry.RowKey), cancellationToken);
        }
    }

    /// <summary>An index row's done flag and version, or null when there is no such row.</summary>
    public async Task<(bool Done, Azure.ETag ETag)?> GetDoneAsync(LocalDate due, string rowKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Key(due), rowKey, ["Done"], cancellationToken);
        return row.HasValue ? (row.Value!.GetBoolean("Done") == true, row.Value.ETag) : null;
    }

    /// <summary>Sets the done flag if the row is still at <paramref name="etag"/>; false if it changed meanwhile or is gone.</summary>
    public async Task<bool> SetDoneIfUnchangedAsync(LocalDate due, string rowKey, bool done, Azure.ETag etag, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Key(due), rowKey) { ["Done"] = done }, etag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Every entry due on <paramref name="due"/>.</summary>
    public async IAsyncEnumerable<DueEntry> ReadAsync(LocalDate due, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = Key(due);
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return new DueEntry(e.GetString("Plan"), e.GetString("TaskKey"), e.GetString("TaskNumber"), e.GetString("Agency"),
                e.GetInt32("Quarter") ?? 0, due, e.GetBoolean("Done") == true, Ongoing: e.GetBoolean("Ongoing") == true);
        }
    }

    private static async Task DeleteIfExistsAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public static string Key(LocalDate due) => LocalDatePattern.Iso.Format(due);

    private static TableEntity WithoutDone(TableEntity row)
    {
        row.Remove("Done");
        return row;
    }

    private static TableEntity ToEntity(DueEntry e) => new(Key(e.Due), e.RowKey)
    {
        ["Plan"] = e.Plan,
        ["TaskKey"] = e.TaskKey,
        ["TaskNumber"] = e.TaskNumber,
        ["Agency"] = e.Agency,
        ["Quarter"] = e.Quarter,
        ["Done"] = e.Done,
        ["Ongoing"] = e.Ongoing,
    };
}
