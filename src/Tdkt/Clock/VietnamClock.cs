using NodaTime;

namespace Tdkt.Clock;

/// <summary>The injected clock with Vietnam's zone: today's local date and the current instant, from one place.</summary>
public sealed class VietnamClock(IClock clock)
{
    public Instant Now => clock.GetCurrentInstant();

    public ZonedDateTime ZonedNow => clock.GetCurrentInstant().InZone(VietnamTime.Zone);

    /// <summary>Today's date in Asia/Ho_Chi_Minh.</summary>
    public LocalDate Today => ZonedNow.Date;
}
