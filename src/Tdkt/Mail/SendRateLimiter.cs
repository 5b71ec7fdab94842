using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tdkt.Storage;

namespace Tdkt.Mail;

/// <summary>
/// Keeps the sending rate under <c>Tdkt:Mail:RatePerMinute</c> across every process that sends: time is cut
/// into slots of 60/N seconds, and a send must first claim a slot (a row inserted if absent in table
/// <c>MailSlots</c>), then wait for the slot to start. At most one send starts per slot, so never more than
/// N in a minute. Pacing uses real elapsed time (TimeProvider), not the business clock.
/// </summary>
public sealed class SendRateLimiter(StorageTables tables, IOptions<MailOptions> options, TimeProvider time)
{
    /// <summary>The first slot this process has not seen taken: saves re-trying slots already claimed.</summary>
    private long nextHint;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var slotTicks = TimeSpan.FromMinutes(1).Ticks / settings.EffectiveRatePerMinute;
        var table = await tables.GetAsync(StorageTables.MailSlots, cancellationToken);
        var partition = settings.Channel.ToString();
        var slot = Math.Max(time.GetUtcNow().UtcTicks / slotTicks, Volatile.Read(ref nextHint));
        while (true)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(partition, slot.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                slot++;
            }
        }
        for (var seen = Volatile.Read(ref nextHint); seen < slot + 1; seen = Volatile.Read(ref nextHint))
        {
            if (Interlocked.CompareExchange(ref nextHint, slot + 1, seen) == seen)
            {
                break;
            }
        }
        var wait = TimeSpan.FromTicks(slot * slotTicks - time.GetUtcNow().UtcTicks);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
