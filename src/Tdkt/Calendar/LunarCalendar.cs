using NodaTime;

namespace Tdkt.Calendar;

/// <summary>
/// The Vietnamese lunar calendar, computed rather than tabulated: new moons and the sun's longitude (the solar terms) are
/// taken at UTC+7, so the dates are Vietnam's (Tết 2030 is 2 February here, 3 February in China's calendar, computed at
/// UTC+8). Month 11 holds the winter solstice; a year of 13 months repeats the first month with no major solar term.
/// The astronomical series are the usual low-precision ones (Jean Meeus, as used by Hồ Ngọc Đức's calendar), exact to
/// the day for these dates from 1900 to 2199.
/// </summary>
public static class LunarCalendar
{
    private const double TimeZone = 7.0;

    /// <summary>The years computed: outside them the series drift.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2199;

    /// <summary>Tết Nguyên đán: the first day of the first lunar month of <paramref name="year"/>.</summary>
    public static LocalDate Tet(int year) => ToSolar(1, 1, year);

    /// <summary>Giỗ Tổ Hùng Vương: the tenth day of the third lunar month.</summary>
    public static LocalDate HungKings(int year) => ToSolar(10, 3, year);

    /// <summary>The solar day of a lunar day (not in a leap month) of <paramref name="lunarYear"/>.</summary>
    public static LocalDate ToSolar(int lunarDay, int lunarMonth, int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, LastYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        var (a11, b11) = lunarMonth < 11
            ? (LunarMonth11(lunarYear - 1), LunarMonth11(lunarYear))
            : (LunarMonth11(lunarYear), LunarMonth11(lunarYear + 1));
        var k = (int)Math.Floor(0.5 + ((a11 - 2415021.076998695) / 29.530588853));
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }
        if (b11 - a11 > 365)
        {
            // Thirteen months between the two month-11s: months from the leap one on come one later.
            if (offset >= LeapMonthOffset(a11))
            {
                offset++;
            }
        }
        var monthStart = NewMoonDay(k + offset);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>The Julian day number of the new moon that starts lunar month 11 (the month of the winter solstice) of <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = JulianDay(new LocalDate(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / 29.530588853);
        var newMoon = NewMoonDay(k);
        // The sun past 270° (a major term index of 9 or more) means this new moon is after the solstice.
        return SunLongitudeTerm(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>Which month after month 11 is the leap month: the first without a major solar term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - 2415021.076998695) / 29.530588853) + 0.5);
        var i = 1;
        var arc = SunLongitudeTerm(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeTerm(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }

    /// <summary>The day (Julian day number, local time) of the <paramref name="k"/>-th new moon after 1 January 1900.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's longitude at the start of a local day, in twelfths of the circle (0-11: which major solar term it is past).</summary>
    private static int SunLongitudeTerm(int dayNumber) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (TimeZone / 24)) / Math.PI * 6);

    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    private static readonly LocalDate UnixEpoch = new(1970, 1, 1);

    /// <summary>Julian day number 2440588 is 1 January 1970.</summary>
    private static int JulianDay(LocalDate date) => 2440588 + Period.Between(UnixEpoch, date, PeriodUnits.Days).Days;

    private static LocalDate FromJulianDay(int julianDay) => UnixEpoch.PlusDays(julianDay - 2440588);
}
