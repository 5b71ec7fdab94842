namespace Tdkt.Outbox;

/// <summary>The states of an outbox row. The sweep writes pending rows; the dispatcher moves them on (<see cref="OutboxPolicy"/>).</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (again, after <see cref="OutboxEntry.NextAttemptAt"/> when a try failed).</summary>
    Pending,

    /// <summary>Leased by a dispatcher until <see cref="OutboxEntry.LeaseUntil"/>; an expired lease is taken over.</summary>
    Sending,

    /// <summary>Accepted by the provider (<see cref="OutboxEntry.ProviderId"/>).</summary>
    Sent,

    /// <summary>Given up: a permanent error, or every attempt failed (<see cref="OutboxEntry.LastError"/>).</summary>
    Failed,
}
