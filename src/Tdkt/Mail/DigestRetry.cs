
using Tdkt.Clock;
using Tdkt.Outbox;

namespace Tdkt.Mail;

/// <summary>
/// The use case behind <c>tdkt outbox retry KEY</c> and <c>POST /api/outbox/{date}/{kind}/{agency}/retry</c>, and for a
/// whole day behind <c>tdkt outbox retry --day DATE</c> and the console's Thư.
/// </summary>
public sealed class DigestRetry(OutboxStore outbox, DispatchQueueClient queue)
{
    public async Task<DigestRetryOutcome> RetryAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (DigestKey.TryParse(key) is not { } digest)
        {
            return new(DigestRetryResult.BadKey, $"“{key}” không phải mã thư (YYYY-MM-DD/daily|weekly/cơ-quan).", key);
        }
        if (await outbox.GetAsync(digest, cancellationToken) is not { } entry)
        {
            return new(DigestRetryResult.NotFound, $"Không có thư {digest.Value}.", digest.Value);
        }
        if (!await ResetAsync(entry, cancellationToken))
        {
            return new(DigestRetryResult.NotFailed, $"Thư {digest.Value} đang ở trạng thái {entry.Status.Name()}, chỉ gửi lại được thư đã thất bại.", digest.Value);
        }
        return new(DigestRetryResult.Retried, $"Thư {digest.Value} sẽ được gửi lại ở lượt gửi tới.", digest.Value);
    }

    /// <summary>Fresh attempts and a place in the dispatch queue, when the entry can be retried and has not changed since it was read.</summary>
    private async Task<bool> ResetAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!OutboxPolicy.CanRetry(entry) || !await outbox.ResetAsync(entry, cancellationToken))
        {
            return false;
        }
        await queue.EnqueueAsync(entry.Key, cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends again every failed digest of <paramref name="date"/> that can be (after the mail server was down that day);
    /// one that changed meanwhile is left as it is and counted apart.
    /// </summary>
    public async Task<DigestDayRetryOutcome> RetryDayAsync(NodaTime.LocalDate date, CancellationToken cancellationToken)
    {
        var failed = (await outbox.ListByStatusAsync(OutboxStatus.Failed, date, 0, cancellationToken)).Where(OutboxPolicy.CanRetry).ToList();
        var retried = 0;
        foreach (var entry in failed)
        {
            retried += await ResetAsync(entry, cancellationToken) ? 1 : 0;
        }
        var shown = VietnamTime.ShortDate(date);
        var skipped = failed.Count - retried;
        return retried == 0
            ? new(0, skipped, $"Ngày {shown} không có thư không gửi được nào gửi lại được: không có gì thay đổi.")
            : new(retried, skipped, $"{retried} thư không gửi được ngày {shown} sẽ được gửi lại ở lượt gửi tới."
                + (skipped > 0 ? $" {skipped} thư vừa đổi trạng thái nên để nguyên." : ""));
    }
}
