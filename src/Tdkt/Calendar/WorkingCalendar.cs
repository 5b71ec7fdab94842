using System.Collections.Concurrent;
using NodaTime;

namespace Tdkt.Calendar;

/// <summary>
/// Which days Vietnamese state agencies work: Monday to Friday, less the announced holidays and
/// breaks, plus the Saturdays worked in exchange ("làm bù"). The calendar is data per year
/// (<see cref="WorkingCalendarFile"/>); a year without data falls back to the statutory holidays
/// and says so in <see cref="Warnings"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> builtIn;
    private volatile Layer layer;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        builtIn = years.ToDictionary(y => y.Year);
        layer = new Layer(new Dictionary<int, CalendarYear>());
    }

    /// <summary>Years the calendar had to guess, in Vietnamese, for administrators.</summary>
    public IReadOnlyList<string> Warnings => [.. layer.Warnings.OrderBy(w => w.Key).Select(w => w.Value)];

    /// <summary>
    /// The years an administrator announced after the deployment (<see cref="CalendarStore"/>): each replaces the built-in
    /// data of its year. Replaces the previous announcements as a whole; reads in progress finish on the old data.
    /// </summary>
    public void Announce(IEnumerable<CalendarYear> announced)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var stored = announced.ToDictionary(y => y.Year);
        if (!SameAs(layer.Stored, stored))
        {
            layer = new Layer(stored);
        }
    }

    /// <summary>Where a year's days come from, and the days as the calendar uses them.</summary>
    public (CalendarSource Source, CalendarYear Days) Describe(int year)
    {
        var current = layer;
        var source = current.Stored.TryGetValue(year, out var stored) ? (stored.Partial ? CalendarSource.StoredPartial : CalendarSource.Stored)
            : builtIn.TryGetValue(year, out var known) ? (known.Partial ? CalendarSource.BuiltInPartial : CalendarSource.BuiltIn)
            : CalendarSource.Statutory;
        return (source, current.Year(year, builtIn));
    }

    public bool IsWorkingDay(LocalDate date) => IsWorkingDay(layer, date);

    private bool IsWorkingDay(Layer current, LocalDate date)
    {
        var year = current.Year(date.Year, builtIn);
        if (year.Worked.Contains(date))
        {
            return true;
        }
        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !year.Off.Contains(date);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public LocalDate NextWorkingDay(LocalDate date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public LocalDate PreviousWorkingDay(LocalDate date) => AddWorkingDays(date, -1);

    /// <summary>The working day <paramref name="days"/> working days after (or, when negative, before) <paramref name="date"/>.</summary>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var current = date;
        while (remaining > 0)
        {
            current = current.PlusDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }
        return current;
    }

    /// <summary>Working days in (from, to]: 0 when equal, negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        // Counts through per-year running totals: the sweep asks this for every row it reads.
        var count = Through(to) - Through(from);
        for (var year = from.Year; year < to.Year; year++)
        {
            count += Counts(year)[^1];
        }
        return count;
    }

    /// <summary>The working day on which a deadline is reminded: the deadline itself, or the working day before it.</summary>
    public LocalDate OnOrBefore(LocalDate date) => IsWorkingDay(date) ? date : PreviousWorkingDay(date);

    /// <summary>The date itself if it is a working day, else the next working day.</summary>
    public LocalDate OnOrAfter(LocalDate date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>Working days from 1 January to <paramref name="date"/>, both included.</summary>
    private int Through(LocalDate date) => Counts(date.Year)[date.DayOfYear];

    /// <summary>Running totals for a year: [d] = working days on days 1..d of the year; the last entry is the year's total.</summary>
    private int[] Counts(int year)
    {
        var current = layer;
        if (current.Totals.TryGetValue(year, out var counts))
        {
            return counts;
        }
        var first = new LocalDate(year, 1, 1);
        var days = first.Calendar.GetDaysInYear(year);
        counts = new int[days + 1];
        for (var i = 1; i <= days; i++)
        {
            counts[i] = counts[i - 1] + (IsWorkingDay(current, first.PlusDays(i - 1)) ? 1 : 0);
        }
        return current.Totals.GetOrAdd(year, counts);
    }

    private static bool SameAs(IReadOnlyDictionary<int, CalendarYear> a, Dictionary<int, CalendarYear> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && other.Partial == p.Value.Partial
            && other.Off.SetEquals(p.Value.Off) && other.Worked.SetEquals(p.Value.Worked));

    /// <summary>
    /// One generation of the calendar: the announced years it was built from, and what was worked out from them (a
    /// year's days and running totals), so that a new announcement never mixes with totals counted on the old one.
    /// </summary>
    private sealed class Layer(IReadOnlyDictionary<int, CalendarYear> stored)
    {
        public IReadOnlyDictionary<int, CalendarYear> Stored { get; } = stored;
        public ConcurrentDictionary<int, CalendarYear> Years { get; } = new();
        public ConcurrentDictionary<int, int[]> Totals { get; } = new();
        public ConcurrentDictionary<int, string> Warnings { get; } = new();

        public CalendarYear Year(int year, IReadOnlyDictionary<int, CalendarYear> builtIn)
        {
            if (Years.TryGetValue(year, out var resolved))
            {
                return resolved;
            }
            var known = Stored.TryGetValue(year, out var stored) ? stored : builtIn.GetValueOrDefault(year);
            if (known is { Partial: false })
            {
                return Years.GetOrAdd(year, known);
            }
            var statutory = StatutoryHolidays.For(year);
            Warnings.TryAdd(year, known is null
                ? $"Chưa có lịch nghỉ lễ đã công bố cho năm {year}: tạm dùng ngày lễ theo Bộ luật Lao động 2019; cập nhật bằng tdkt calendar set {year} khi có thông báo."
                : $"Lịch năm {year} mới có một phần: các ngày lễ còn lại tạm tính theo Bộ luật Lao động 2019.");
            return Years.GetOrAdd(year, known is null
                ? statutory
                : new CalendarYear(year, known.Off.Union(statutory.Off).ToHashSet(), known.Worked, Partial: false));
        }
    }
}
