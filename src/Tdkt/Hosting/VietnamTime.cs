using NodaTime;

namespace Tdkt.Hosting;

/// <summary>Every date the product reasons about is a local date in Vietnam (UTC+7, no DST).</summary>
public static class VietnamTime
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static LocalDate Today(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(Zone).Date;
    }
}
