using NodaTime;
using Tdkt.Reminders;

namespace Tdkt.Outbox;

/// <summary>The states of an outbox row. The sweep writes pending rows; the dispatcher (mail) moves them on.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
}

/// <summary>A digest waiting in (or gone through) the outbox. <see cref="Payload"/> is the digest as JSON (<see cref="DigestJson"/>).</summary>
public sealed record OutboxEntry(DigestKey Key, string Status, ValueList<string> To, ValueList<string> Cc, int Items, string Payload, Instant CreatedAt);
