using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tdkt.Storage;

namespace Tdkt.Mail;

/// <summary>
/// Keeps the sending rate under <c>Tdkt:Mail:RatePerMinute</c> across every process that sends: time is cut
/// into slots of 60/(N-1) seconds, and a send must first claim a slot (a row inserted if absent in table
/// <c>MailSlots</c>), then start within that slot; a slot whose time has passed is dropped unused. At most
/// one send starts per slot, so any 60-second window holds at most N. Pacing uses real elapsed time (TimeProvider),
/// not the business clock.
/// </summary>
public sealed class SendRateLimiter(StorageTables tables, IOptions<MailOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Slots claimed ahead in one batch (half a second's worth, 1 to 100): one row per send would cost a storage write per message.</summary>
    private int ClaimAhead => Math.Clamp(options.Value.EffectiveRatePerMinute / 120, 1, 100);

    private readonly Queue<long> claimed = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The first slot this process has not seen taken: saves re-trying slots already claimed.</summary>
    private long nextHint;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        // N-1 slots a minute: a 60-second window then overlaps at most N slots, each with at most one send.
        var slotTicks = TimeSpan.FromMinutes(1).Ticks / Math.Max(1, options.Value.EffectiveRatePerMinute - 1);
        while (true)
        {
            long slot;
            await gate.WaitAsync(cancellationToken);
            try
            {
                var current = time.GetUtcNow().UtcTicks / slotTicks;
                // A slot whose time has passed is dropped unused: a send must start inside its own slot.
                while (claimed.Count > 0 && claimed.Peek() < current)
                {
                    claimed.Dequeue();
                }
                if (claimed.Count == 0)
                {
                    await ClaimAsync(Math.Max(current, nextHint), cancellationToken);
                }
                slot = claimed.Dequeue();
            }
            finally
            {
                gate.Release();
            }
            var wait = TimeSpan.FromTicks(slot * slotTicks - time.GetUtcNow().UtcTicks);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            if (time.GetUtcNow().UtcTicks < (slot + 1) * slotTicks)
            {
                return;
            }
        }
    }

    /// <summary>Claims the next free run of slots from <paramref name="from"/>: a batch of <see cref="ClaimAhead"/> if all are free, else one at a time.</summary>
    private async Task ClaimAsync(long from, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.MailSlots, cancellationToken);
        var partition = options.Value.Channel.ToString();
        var ahead = ClaimAhead;
        var slot = from;
        while (true)
        {
            var run = Enumerable.Range(0, ahead).Select(i => slot + i).ToList();
            try
            {
                await table.SubmitTransactionAsync(run.Select(s => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, Key(s)))), cancellationToken);
                run.ForEach(claimed.Enqueue);
                nextHint = slot + ahead;
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
            }
            try
            {
                await table.AddEntityAsync(new TableEntity(partition, Key(slot)), cancellationToken);
                claimed.Enqueue(slot);
                nextHint = slot + 1;
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                slot++;
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private static string Key(long slot) => slot.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
}
