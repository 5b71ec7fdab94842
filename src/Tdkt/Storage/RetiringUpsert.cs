using Azure.Data.Tables;
using Tdkt.Hosting;

namespace Tdkt.Storage;

/// <summary>
/// How a plan's rows are rewritten: merged (columns written by others, such as a completion, are kept), and the rows the
/// plan no longer has marked removed, never deleted, in batches of one partition, a few in flight at once.
/// </summary>
public static class RetiringUpsert
{
    public static async Task WriteAsync(TableClient table, string partition, IReadOnlyList<TableEntity> rows, IReadOnlyList<string> retired, string removedColumn,
        ProgressCounter? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(retired);
        var retire = retired.Select(key => new TableEntity(partition, key) { [removedColumn] = true });
        written?.AddTotal(rows.Count + retired.Count);
        await Parallel.ForEachAsync(rows.Concat(retire).Chunk(100),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r)), ct);
                written?.Add(chunk.Length);
            });
    }
}
