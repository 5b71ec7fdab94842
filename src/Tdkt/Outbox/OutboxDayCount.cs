using NodaTime;

namespace Tdkt.Outbox;

/// <summary>One day's digests by state (see <see cref="OutboxStore.CountByDayAsync"/>).</summary>
public sealed record OutboxDayCount(LocalDate Date, int Pending, int Sending, int Sent, int Failed);
