using Azure;
using Azure.Data.Tables;

namespace Tdkt.Assignments;

/// <summary>
/// The agency's copy of each assignment row ("~by-{agency}--{task}", <see cref="AssignmentRows.AgencyRowKey"/>), which
/// the agency page reads as one range. A completion, an undo and a reopening write the copy in the same transaction as
/// the row; an import writes the copies' plan columns (never their completion columns, which completions own), and
/// when it first creates the copy of a done assignment (a plan stored before copies existed) it copies the completion
/// with an insert, which loses to a completion or undo made meanwhile.
/// </summary>
public static class AgencyRowCopies
{
    /// <summary>
    /// The agency's stamp with a new value (<see cref="AssignmentRows.AgencyVersionKey"/>): every write to its copies
    /// carries it, in the same transaction, or right after the copies when they span transactions (an import).
    /// </summary>
    public static TableTransactionAction Stamp(string plan, string agency) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(plan, AssignmentRows.AgencyVersionKey(agency)) { [StampColumn] = Guid.NewGuid().ToString("N") });

    /// <summary>Whether an action rewrites a stamp (which writers at the same moment may share, <see cref="Storage.GroupCommit"/>).</summary>
    public static bool IsStamp(TableTransactionAction action) =>
        action?.ActionType == TableTransactionActionType.UpsertReplace && AssignmentRows.IsVersionKey(action.Entity.RowKey);

    /// <summary>The stamp row's one column: a new random value at each write.</summary>
    public const string StampColumn = "V";

    /// <summary>New stamps for <paramref name="agencies"/> of one plan, after their copies were written.</summary>
    public static async Task StampAsync(TableClient table, string plan, IEnumerable<string> agencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var chunk in agencies.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(a => Stamp(plan, a)), cancellationToken);
        }
    }

    /// <summary>The completion columns as a copy holds them: every one present ("" for none), so a later merge never keeps an old value.</summary>
    public static TableEntity Of(TableEntity assignment, IEnumerable<string> completionColumns)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(completionColumns);
        var copy = new TableEntity(assignment.PartitionKey, AssignmentRows.AgencyRowKey(AssignmentKey.Parse(assignment.RowKey)));
        foreach (var (name, value) in assignment)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }
        foreach (var column in completionColumns)
        {
            copy[column] ??= "";
        }
        return copy;
    }

    /// <summary>
    /// After an import wrote <paramref name="rows"/> (plan columns of current assignments) and marked <paramref name="retired"/>
    /// removed: the same on the copies; a copy created for a done assignment gets its completion too.
    /// </summary>
    public static async Task SyncAsync(TableClient table, string plan, IReadOnlyList<TableEntity> rows, IReadOnlyList<string> retired,
        IReadOnlyCollection<string> done, IEnumerable<string> completionColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {AssignmentRows.AgencyPrefix} and RowKey lt {AssignmentRows.AgencyEnd}"),
            select: ["RowKey"], cancellationToken: cancellationToken))
        {
            existing.Add(row.RowKey);
        }
        var columns = completionColumns.ToList();
        var merges = new List<TableEntity>();
        var created = new List<string>();
        foreach (var row in rows)
        {
            var copy = Of(row, []);
            copy[AssignmentColumns.TaskKey] = AssignmentKey.Parse(row.RowKey).TaskKey;
            if (!existing.Contains(copy.RowKey) && done.Contains(row.RowKey))
            {
                created.Add(row.RowKey);
            }
            merges.Add(copy);
        }
        merges.AddRange(retired.Select(key => new TableEntity(plan, AssignmentRows.AgencyRowKey(AssignmentKey.Parse(key))) { [AssignmentColumns.Removed] = true }));

        // First the completions of done assignments whose copy is new (insert: a completion or undo meanwhile wins).
        foreach (var key in created)
        {
            var full = await table.GetEntityIfExistsAsync<TableEntity>(plan, key, cancellationToken: cancellationToken);
            if (full.HasValue)
            {
                try
                {
                    await table.AddEntityAsync(Of(full.Value!, columns), cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                }
            }
        }
        await Parallel.ForEachAsync(merges.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertMerge, c)), ct));
        // After the copies (and the created completions): a page that read some copies before this under the old stamp reads them again.
        await StampAsync(table, plan, merges.Select(m => AssignmentRows.OfAgencyRow(m.RowKey).Agency), cancellationToken);
    }
}
