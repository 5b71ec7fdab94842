using Tdkt.Clock;

namespace Tdkt.Outbox;

/// <summary>The use case behind <c>tdkt outbox list</c> and <c>GET /api/outbox</c>: failed digests by default, over 31 days.</summary>
public sealed class OutboxListing(OutboxStore outbox, VietnamClock clock)
{
    public const int DefaultDays = 31;
    public const int MaxDays = 400;

    /// <summary>The digests in <paramref name="status"/> (a state's name; null: failed) over the last <paramref name="days"/> days (null: 31).</summary>
    public async Task<OutboxListingOutcome> ListAsync(string? status, int? days, CancellationToken cancellationToken)
    {
        var wanted = status is null ? OutboxStatus.Failed : OutboxStatuses.Parse(status);
        if (wanted is null)
        {
            return new(null, OutboxStatus.Failed, $"Trạng thái “{status}” không hợp lệ: dùng {OutboxStatuses.Choices}.");
        }
        var span = days is { } d && d is > 0 and <= MaxDays ? d : DefaultDays;
        return new(await outbox.ListByStatusAsync(wanted.Value, clock.Today, span, cancellationToken), wanted.Value, null);
    }
}
