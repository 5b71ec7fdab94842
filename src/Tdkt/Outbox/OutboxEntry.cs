using NodaTime;
using Tdkt.Reminders;

namespace Tdkt.Outbox;

/// <summary>The states of an outbox row. The sweep writes pending rows; the dispatcher (mail) moves them on.</summary>
public static class OutboxStatus
{
    /// <summary>Waiting to be sent (again, after <see cref="OutboxEntry.NextAttemptAt"/> when a try failed).</summary>
    public const string Pending = "pending";

    /// <summary>Leased by a dispatcher until <see cref="OutboxEntry.LeaseUntil"/>; an expired lease is taken over.</summary>
    public const string Sending = "sending";

    /// <summary>Accepted by the provider (<see cref="OutboxEntry.ProviderId"/>).</summary>
    public const string Sent = "sent";

    /// <summary>Given up: a permanent error, or every attempt failed (<see cref="OutboxEntry.LastError"/>).</summary>
    public const string Failed = "failed";
}

/// <summary>A digest waiting in (or gone through) the outbox. <see cref="Payload"/> is the digest as JSON (<see cref="DigestJson"/>).</summary>
public sealed record OutboxEntry(DigestKey Key, string Status, ValueList<string> To, ValueList<string> Cc, int Items, string Payload, Instant CreatedAt)
{
    public int Attempts { get; init; }

    public Instant? LeaseUntil { get; init; }

    public Instant? NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public string? ProviderId { get; init; }

    public Instant? SentAt { get; init; }

    public string? Channel { get; init; }

    /// <summary>The row's version, for the conditional updates of dispatch.</summary>
    public Azure.ETag ETag { get; init; }
}
