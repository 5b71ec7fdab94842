using Tdkt.Mail;
using Tdkt.Reminders;

namespace Tdkt.Outbox;

public enum DigestRetryResult
{
    /// <summary>Reset to pending with fresh attempts and queued: the next dispatch pass sends it.</summary>
    Retried,
    BadKey,
    NotFound,

    /// <summary>Not failed (pending, being sent or sent), or it changed meanwhile: nothing done.</summary>
    NotFailed,
}

/// <summary>What an administrator's retry of a digest did, with the message every host shows.</summary>
public sealed record DigestRetryOutcome(DigestRetryResult Result, string Message, string Key);

/// <summary>The use case behind <c>tdkt outbox retry KEY</c> and <c>POST /api/outbox/{date}/{kind}/{agency}/retry</c>.</summary>
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
        if (!OutboxPolicy.CanRetry(entry) || !await outbox.ResetAsync(entry, cancellationToken))
        {
            return new(DigestRetryResult.NotFailed, $"Thư {digest.Value} đang ở trạng thái {entry.Status.Name()}, chỉ gửi lại được thư đã thất bại.", digest.Value);
        }
        await queue.EnqueueAsync(digest, cancellationToken);
        return new(DigestRetryResult.Retried, $"Thư {digest.Value} sẽ được gửi lại ở lượt gửi tới.", digest.Value);
    }
}
