using NodaTime;

namespace Tdkt.Calendar;

/// <summary>
/// The public holidays of the Labour Code 2019, Art. 112, for a year without an announced calendar:
/// 1 Jan, Tết (the last day of the lunar year and the first four of the new one), Giỗ Tổ (10/3 lunar),
/// 30 Apr, 1 May, 2 Sep and the day before; a holiday on a weekend gives the next weekday off.
/// </summary>
public static class StatutoryHolidays
{
    // Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar), from published lunar calendars.
    private static readonly Dictionary<int, (LocalDate Tet, LocalDate HungKings)> Lunar = new()
    {
        [2023] = (new(2023, 1, 22), new(2023, 4, 29)),
        [2024] = (new(2024, 2, 10), new(2024, 4, 18)),
        [2025] = (new(2025, 1, 29), new(2025, 4, 7)),
        [2026] = (new(2026, 2, 17), new(2026, 4, 26)),
        [2027] = (new(2027, 2, 6), new(2027, 4, 16)),
        [2028] = (new(2028, 1, 26), new(2028, 4, 4)),
        [2029] = (new(2029, 2, 13), new(2029, 4, 23)),
        [2030] = (new(2030, 2, 2), new(2030, 4, 12)),
    };

    /// <summary>
    /// The holidays the law names, without the days given in compensation: the ones every announced calendar of the year
    /// must give off (National Day as 1-2 Sep; an announcement may give 2-3 Sep instead). Tết and Giỗ Tổ only for the
    /// years whose lunar dates are known here.
    /// </summary>
    public static IReadOnlyList<(LocalDate Day, string Name)> Named(int year)
    {
        var holidays = new List<(LocalDate, string)> { (new(year, 1, 1), "Tết Dương lịch") };
        if (Lunar.TryGetValue(year, out var lunar))
        {
            holidays.AddRange(Enumerable.Range(-1, 5).Select(i => (lunar.Tet.PlusDays(i), "Tết Âm lịch")));
            holidays.Add((lunar.HungKings, "Giỗ Tổ Hùng Vương"));
        }
        holidays.Add((new(year, 4, 30), "Ngày Chiến thắng"));
        holidays.Add((new(year, 5, 1), "Quốc tế Lao động"));
        holidays.Add((new(year, 9, 2), "Quốc khánh"));
        return [.. holidays.OrderBy(h => h.Item1)];
    }

    /// <summary>Whether the lunar holidays of the year are known here (Tết and Giỗ Tổ).</summary>
    public static bool KnowsLunar(int year) => Lunar.ContainsKey(year);

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
