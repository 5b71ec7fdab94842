using NodaTime;

namespace Tdkt.Clock;

/// <summary>
/// The machine's real time as a NodaTime <see cref="Instant"/>, for what must hold across processes whatever date the
/// business clock says (a <c>tdkt up --as-of 2023</c> and a dispatcher on today's date share one outbox): leases,
/// retry times, request signatures, send times. Dates of the plan come from <see cref="VietnamClock"/>.
/// </summary>
public static class RealTime
{
    public static Instant GetCurrentInstant(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Instant.FromDateTimeOffset(time.GetUtcNow());
    }
}
