using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Tdkt.Storage;

/// <summary>
/// Group commit for small entity-group transactions: writers to the same partition of the same table at the same
/// time share one transaction, so a burst of completions costs storage a few requests instead of one each.
/// </summary>
/// <remarks>
/// Each writer still gets its own outcome and its own atomicity. A write goes out at once when nothing is being
/// written to its partition; writes that arrive while one is in flight wait for it and then go out together
/// (up to <see cref="MaxActions"/> actions, no row twice, except an agency's stamp, which they rewrite once).
/// If a shared transaction fails because of one writer's
/// action (a row already there, a row missing), nothing of it was stored, and every writer's actions are
/// submitted again on their own, so each sees exactly the result it would have seen alone. A transport failure
/// reaches every writer of that transaction, as it would have reached each alone.
/// </remarks>
public sealed class GroupCommit
{
    /// <summary>The most actions one entity-group transaction may hold.</summary>
    public const int MaxActions = 100;

    private readonly ConcurrentDictionary<(Uri Table, string Partition), Lane> lanes = new();

    /// <summary>Stores <paramref name="actions"/> (one partition) atomically, with whatever else is being written there now.</summary>
    /// <exception cref="TableTransactionFailedException">When these actions, submitted on their own, failed.</exception>
    public Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        SubmitAsync(table, actions, null, cancellationToken);

    /// <summary>
    /// The same, where the actions <paramref name="isStamp"/> picks (upserts whose new value only has to differ from the
    /// old, such as a page stamp) may be shared: writers that each rewrite the same stamp share one transaction, which
    /// rewrites it once.
    /// </summary>
    public Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, Func<TableTransactionAction, bool>? isStamp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return Task.CompletedTask;
        }
        var write = new Write(actions, isStamp ?? (_ => false));
        var lane = lanes.GetOrAdd((table.Uri, actions[0].Entity.PartitionKey), _ => new Lane(table));
        bool lead;
        lock (lane)
        {
            lane.Waiting.Add(write);
            lead = !lane.Writing;
            lane.Writing = true;
        }
        if (lead)
        {
            // Not on the caller's cancellation: the writes of others ride on this loop.
            _ = Task.Run(() => DrainAsync(lane), CancellationToken.None);
        }
        return write.Stored.Task.WaitAsync(cancellationToken);
    }

    private static async Task DrainAsync(Lane lane)
    {
        while (true)
        {
            List<Write> batch;
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Writing = false;
                    return;
                }
                batch = Take(lane.Waiting);
            }
            await CommitAsync(lane.Table, batch);
        }
    }

    /// <summary>
    /// Takes the waiting writes that fit one transaction, in arrival order. A write touching a row already taken
    /// waits for the next transaction, and so does every later write touching its rows, so writes to one row keep
    /// their order.
    /// </summary>
    private static List<Write> Take(List<Write> waiting)
    {
        var batch = new List<Write>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        var actions = 0;
        for (var i = 0; i < waiting.Count; i++)
        {
            var write = waiting[i];
            if (batch.Count > 0 && actions + write.Actions.Count > MaxActions)
            {
                break;
            }
            var own = write.Actions.Where(a => !write.IsStamp(a)).Select(a => a.Entity.RowKey).ToList();
            if (own.Any(r => rows.Contains(r) || held.Contains(r)))
            {
                held.UnionWith(own);
                continue;
            }
            batch.Add(write);
            actions += write.Actions.Count;
            rows.UnionWith(own);
            waiting.RemoveAt(i--);
        }
        return batch;
    }

    /// <summary>A batch's actions with each stamp written once.</summary>
    private static IEnumerable<TableTransactionAction> Coalesce(IEnumerable<Write> batch)
    {
        var stamps = new HashSet<string>(StringComparer.Ordinal);
        return batch.SelectMany(w => w.Actions.Where(a => !w.IsStamp(a) || stamps.Add(a.Entity.RowKey)));
    }

    private static async Task CommitAsync(TableClient table, List<Write> batch)
    {
        if (batch.Count == 1)
        {
            await CommitAloneAsync(table, batch[0]);
            return;
        }
        try
        {
            await table.SubmitTransactionAsync(Coalesce(batch), CancellationToken.None);
        }
        catch (TableTransactionFailedException)
        {
            // One writer's action failed, so nothing was stored: each on its own, to give each its own answer.
            await Task.WhenAll(batch.Select(w => CommitAloneAsync(table, w)));
            return;
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
            {
                write.Stored.TrySetException(ex);
            }
            return;
        }
        foreach (var write in batch)
        {
            write.Stored.TrySetResult();
        }
    }

    private static async Task CommitAloneAsync(TableClient table, Write write)
    {
        try
        {
            await table.SubmitTransactionAsync(write.Actions, CancellationToken.None);
            write.Stored.TrySetResult();
        }
        catch (Exception ex)
        {
            write.Stored.TrySetException(ex);
        }
    }

    private sealed class Lane(TableClient table)
    {
        public TableClient Table { get; } = table;
        public List<Write> Waiting { get; } = [];
        public bool Writing { get; set; }
    }

    private sealed class Write(IReadOnlyList<TableTransactionAction> actions, Func<TableTransactionAction, bool> isStamp)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;
        public Func<TableTransactionAction, bool> IsStamp { get; } = isStamp;
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
