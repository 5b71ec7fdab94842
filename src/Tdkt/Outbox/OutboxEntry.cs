using NodaTime;

namespace Tdkt.Outbox;

/// <summary>A digest waiting in (or gone through) the outbox. <see cref="Payload"/> is the digest as JSON (<see cref="DigestJson"/>).</summary>
public sealed record OutboxEntry(DigestKey Key, OutboxStatus Status, ValueList<string> To, ValueList<string> Cc, int Items, string Payload, Instant CreatedAt)
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
