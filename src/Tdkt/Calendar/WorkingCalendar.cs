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
    private readonly Dictionary<int, CalendarYear> years;
    private readonly HashSet<int> warned = [];
    private readonly List<string> warnings = [];
    private readonly Lock gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> runningTotals = new();

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        this.years = years.ToDictionary(y => y.Year);
    }

    /// <summary>Years the calendar had to guess, in Vietnamese, for administrators.</summary>
    public IReadOnlyList<string> Warnings
    {
        get { lock (gate) { return [.. warnings]; } }
    }

    public bool IsWorkingDay(LocalDate date)
    {
        var year = Year(date.Year);
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
        if (runningTotals.TryGetValue(year, out var counts))
        {
            return counts;
        }
        var first = new LocalDate(year, 1, 1);
        var days = first.Calendar.GetDaysInYear(year);
        counts = new int[days + 1];
        for (var i = 1; i <= days; i++)
        {
            counts[i] = counts[i - 1] + (IsWorkingDay(first.PlusDays(i - 1)) ? 1 : 0);
        }
        return runningTotals.GetOrAdd(year, counts);
    }

    private CalendarYear Year(int year)
    {
        if (years.TryGetValue(year, out var known) && !known.Partial)
        {
            return known;
        }
        lock (gate)
        {
            if (years.TryGetValue(year, out known) && !known.Partial)
            {
                return known;
            }
            var statutory = StatutoryHolidays.For(year);
            var merged = known is null ? statutory : new CalendarYear(year, known.Off.Union(statutory.Off).ToHashSet(), known.Worked, Partial: false);
            if (warned.Add(year))
            {
                warnings.Add(known is null
                    ? $"Chưa có lịch nghỉ lễ đã công bố cho năm {year}: tạm dùng ngày lễ theo Bộ luật Lao động 2019; cập nhật lịch khi có thông báo."
                    : $"Lịch năm {year} mới có một phần: các ngày lễ còn lại tạm tính theo Bộ luật Lao động 2019.");
            }
            years[year] = merged;
            return merged;
        }
    }
}

/// <summary>One year's days off (holidays and breaks) and worked weekend days.</summary>
public sealed record CalendarYear(int Year, IReadOnlySet<LocalDate> Off, IReadOnlySet<LocalDate> Worked, bool Partial = false);
