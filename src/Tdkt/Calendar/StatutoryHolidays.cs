using NodaTime;

namespace Tdkt.Calendar;

/// <summary>
/// The public holidays of the Labour Code 2019, Art. 112, for a year without an announced calendar:
/// 1 Jan, Tết (the last day of the lunar year and the first four of the new one), Giỗ Tổ (10/3 lunar), both computed,
/// 30 Apr, 1 May, 2 Sep and the day before; a holiday on a weekend gives the next weekday off.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>
    /// The holidays the law names, without the days given in compensation: the ones every announced calendar of the year
    /// must give off (National Day as 1-2 Sep; an announcement may give 2-3 Sep instead). Tết and Giỗ Tổ are computed
    /// from the Vietnamese lunar calendar (<see cref="LunarCalendar"/>) for the years it covers.
    /// </summary>
    public static IReadOnlyList<(LocalDate Day, string Name)> Named(int year)
    {
        var holidays = new List<(LocalDate, string)> { (new(year, 1, 1), "Tết Dương lịch") };
        if (KnowsLunar(year))
        {
            // The last day of the lunar year (the 29th or 30th of month 12) and the first four of the new one.
            var tet = LunarCalendar.Tet(year);
            holidays.AddRange(Enumerable.Range(-1, 5).Select(i => (tet.PlusDays(i), "Tết Âm lịch")));
            holidays.Add((LunarCalendar.HungKings(year), "Giỗ Tổ Hùng Vương"));
        }
        holidays.Add((new(year, 4, 30), "Ngày Chiến thắng"));
        holidays.Add((new(year, 5, 1), "Quốc tế Lao động"));
        holidays.Add((new(year, 9, 2), "Quốc khánh"));
        return [.. holidays.OrderBy(h => h.Item1)];
    }

    /// <summary>Whether the lunar holidays of the year are computed here (Tết and Giỗ Tổ).</summary>
    public static bool KnowsLunar(int year) => year is >= LunarCalendar.FirstYear + 1 and <= LunarCalendar.LastYear - 1;

    public static CalendarYear For(int year)
    {
        var holidays = Named(year).Select(h => h.Day).Append(new LocalDate(year, 9, 1)).ToList();
        var off = new HashSet<LocalDate>(holidays);
        foreach (var day in holidays.Where(d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday).Order())
        {
            var compensation = day.PlusDays(1);
            while (compensation.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || off.Contains(compensation))
            {
                compensation = compensation.PlusDays(1);
            }
            off.Add(compensation);
        }
        return new CalendarYear(year, off, new HashSet<LocalDate>());
    }
}
