using NodaTime;

namespace Tdkt.Outbox;

/// <summary>
/// The outbox's rules, pure: when a digest may be taken for sending (pending and due, or its lease expired), what
/// taking it changes, how long to wait before the next try, when to give up, and what an administrator may retry.
/// <see cref="OutboxStore"/> only stores what these decide.
/// </summary>
public static class OutboxPolicy
{
    /// <summary>How long a dispatcher holds a digest; longer than a send, including ACS polling.</summary>
    public static readonly Duration LeaseFor = Duration.FromMinutes(5);

    /// <summary>The longest wait between two tries.</summary>
    public static readonly Duration MaxBackoff = Duration.FromMinutes(60);

    public static bool IsTakeable(OutboxEntry entry, Instant now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status switch
        {
            OutboxStatus.Pending => entry.NextAttemptAt is null || entry.NextAttemptAt <= now,
            OutboxStatus.Sending => entry.LeaseUntil is null || entry.LeaseUntil <= now,
            _ => false,
        };
    }

    /// <summary>Sent or failed: nothing more will happen to it unless an administrator retries it.</summary>
    public static bool IsFinished(OutboxEntry entry) => entry?.Status is OutboxStatus.Sent or OutboxStatus.Failed;

    /// <summary>The entry as leased: sending, one more attempt, held until <see cref="LeaseFor"/> from now.</summary>
    public static OutboxEntry Leased(OutboxEntry entry, Instant now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry with { Status = OutboxStatus.Sending, Attempts = entry.Attempts + 1, LeaseUntil = now + LeaseFor };
    }

    /// <summary>A lease past the allowed tries (earlier leases ran out without an answer): give up without sending.</summary>
    public static bool IsPastLastAttempt(OutboxEntry leased, int maxAttempts) => leased?.Attempts > maxAttempts;

    /// <summary>Whether a try that failed transiently was the last one allowed.</summary>
    public static bool IsLastAttempt(OutboxEntry leased, int maxAttempts) => leased?.Attempts >= maxAttempts;

    /// <summary>1, 2, 4 … minutes after the 1st, 2nd, 3rd … attempt, at most an hour; longer when the provider asked for it (Retry-After).</summary>
    public static Duration Backoff(int attempts, TimeSpan? retryAfter)
    {
        var backoff = Duration.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Max(0, attempts - 1))));
        return retryAfter is { } asked && Duration.FromTimeSpan(asked) > backoff ? Duration.FromTimeSpan(asked) : backoff;
    }

    /// <summary>Only a failed digest is retried by hand; one still pending or sending is on its way, one sent is done.</summary>
    public static bool CanRetry(OutboxEntry entry) => entry?.Status == OutboxStatus.Failed;
}
