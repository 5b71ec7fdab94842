using Azure;
using Azure.Data.Tables;

namespace Tdkt.Plans;

/// <summary>
/// One import's hold on a plan row, so two imports of one plan never write at once: taken by writing an import id and
/// an expiry onto the row conditionally on its ETag, renewed while the import writes, and checked again by the commit,
/// which writes only what the import owns (never Status: an activation or archive made meanwhile stays). A second
/// import while the lease is fresh is refused; a lease left by an import that died expires after <see cref="Duration"/>.
/// Expiry uses the machine's real time (<see cref="TimeProvider"/>), never the business clock.
/// </summary>
public sealed class ImportLease : IAsyncDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    private const int Attempts = 5;
    private readonly TableClient plans;
    private readonly string partition;
    private readonly string id;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource renewing;
    private Task renewal = Task.CompletedTask;
    private bool committed;

    private ImportLease(TableClient plans, string partition, string id, TimeProvider time, CancellationToken cancellationToken)
    {
        this.plans = plans;
        this.partition = partition;
        this.id = id;
        this.time = time;
        renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public string ImportId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Cancelled when the lease is lost (another import took the plan over) or the caller cancels.</summary>
    public CancellationToken Token => renewing.Token;

    public bool Lost { get; private set; }

    /// <summary>
    /// Takes the lease, writing <paramref name="row"/> (the plan's metadata, marked pending) with it; null when another
    /// import holds a fresh lease. <paramref name="create"/> adds Status for a plan not stored yet.
    /// </summary>
    public static async Task<ImportLease?> TakeAsync(TableClient plans, TableEntity row, Action<TableEntity> create, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(time);
        var lease = new ImportLease(plans, row.PartitionKey, row.RowKey, time, cancellationToken);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await plans.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (current.HasValue && lease.HeldByAnother(current.Value!))
            {
                lease.renewing.Dispose();
                return null;
            }
            row["Pending"] = true;
            row["ImportId"] = lease.ImportId;
            row["ImportLeaseUntil"] = time.GetUtcNow() + Duration;
            try
            {
                if (current.HasValue)
                {
                    await plans.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    create(row);
                    await plans.AddEntityAsync(row, cancellationToken);
                }
                lease.renewal = lease.RenewAsync();
                return lease;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // The row changed between the read and the write (another import starting, or a status change): look again.
            }
        }
        lease.renewing.Dispose();
        return null;
    }

    /// <summary>Whether the row shows a fresh lease of another import.</summary>
    private bool HeldByAnother(TableEntity row) =>
        row.GetBoolean("Pending") == true
        && row.GetString("ImportId") is { Length: > 0 } other && other != ImportId
        && row.GetDateTimeOffset("ImportLeaseUntil") is { } until && until > time.GetUtcNow();

    /// <summary>When the lease is held by another import, until when (for the message).</summary>
    public static DateTimeOffset? HeldUntil(TableEntity? row) =>
        row is not null && row.GetBoolean("Pending") == true && row.GetString("ImportId") is { Length: > 0 } ? row.GetDateTimeOffset("ImportLeaseUntil") : null;

    /// <summary>
    /// Clears the pending mark and writes <paramref name="commit"/> (hash, time saved) if the row is still this import's;
    /// false when another import took it over meanwhile (then nothing is written).
    /// </summary>
    public async Task<bool> CommitAsync(TableEntity commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await StopRenewingAsync();
        for (var attempt = 0; attempt < Attempts && !Lost; attempt++)
        {
            var current = await plans.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
            if (!current.HasValue || current.Value!.GetString("ImportId") != ImportId)
            {
                Lost = true;
                break;
            }
            commit["Pending"] = false;
            commit["ImportId"] = "";
            try
            {
                await plans.UpdateEntityAsync(commit, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                committed = true;
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A status change or a renewal landed between the read and the write: read again.
            }
        }
        return false;
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(Duration / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(renewing.Token))
            {
                var current = await plans.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: renewing.Token);
                if (!current.HasValue || current.Value!.GetString("ImportId") != ImportId)
                {
                    Lost = true;
                    await renewing.CancelAsync();
                    return;
                }
                try
                {
                    await plans.UpdateEntityAsync(new TableEntity(partition, id) { ["ImportLeaseUntil"] = time.GetUtcNow() + Duration },
                        current.Value.ETag, TableUpdateMode.Merge, renewing.Token);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Changed meanwhile (a status change): the next tick reads it again, well before the lease ends.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException)
        {
            // Storage unreachable: the import's own writes fail too, and report it.
        }
    }

    private async Task StopRenewingAsync()
    {
        if (!renewing.IsCancellationRequested)
        {
            await renewing.CancelAsync();
        }
        await renewal;
    }

    /// <summary>An import that did not commit gives its lease up at once (the plan stays pending), so it can be run again now.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        if (!Lost && !committed)
        {
            try
            {
                var current = await plans.GetEntityIfExistsAsync<TableEntity>(partition, id);
                if (current.HasValue && current.Value!.GetString("ImportId") == ImportId)
                {
                    await plans.UpdateEntityAsync(new TableEntity(partition, id) { ["ImportLeaseUntil"] = time.GetUtcNow() }, current.Value.ETag, TableUpdateMode.Merge);
                }
            }
            catch (RequestFailedException)
            {
                // Best effort: the lease then ends by itself.
            }
        }
        renewing.Dispose();
    }
}
