using NodaTime;
using NodaTime.Text;

namespace Tdkt.Calendar;

/// <summary>
/// The calendar's way of writing days: an ISO date (<c>2027-01-01</c>) or an inclusive range
/// (<c>2027-02-04..2027-02-12</c>), as the YAML data, the <c>tdkt calendar set</c> options and the stored rows write them.
/// </summary>
public static class CalendarDates
{
    /// <summary>The days of one item, or null when it is not a date or a range within <paramref name="year"/>.</summary>
    public static IReadOnlyList<LocalDate>? Parse(string item, int year)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parts = item.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length > 2)
        {
            return null;
        }
        var first = LocalDatePattern.Iso.Parse(parts[0]);
        var last = LocalDatePattern.Iso.Parse(parts[^1]);
        if (!first.Success || !last.Success || last.Value < first.Value || first.Value.Year != year || last.Value.Year != year)
        {
            return null;
        }
        var days = new List<LocalDate>();
        for (var d = first.Value; d <= last.Value; d = d.PlusDays(1))
        {
            days.Add(d);
        }
        return days;
    }

    /// <summary>The message for an item <see cref="Parse"/> refused.</summary>
    public static string Invalid(string item, int year) =>
        $"“{item}” phải là ngày yyyy-MM-dd hoặc khoảng yyyy-MM-dd..yyyy-MM-dd trong năm {year}.";

    /// <summary>Days as items, consecutive days folded into ranges: the inverse of <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> Items(IEnumerable<LocalDate> days) =>
        [.. Runs(days).Select(r => r.First == r.Last
            ? LocalDatePattern.Iso.Format(r.First)
            : $"{LocalDatePattern.Iso.Format(r.First)}..{LocalDatePattern.Iso.Format(r.Last)}")];

    /// <summary>Consecutive days as (first, last) runs, in order.</summary>
    public static IEnumerable<(LocalDate First, LocalDate Last)> Runs(IEnumerable<LocalDate> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        LocalDate? first = null;
        var last = default(LocalDate);
        foreach (var day in days.Distinct().Order())
        {
            if (first is not null && day == last.PlusDays(1))
            {
                last = day;
                continue;
            }
            if (first is { } start)
            {
                yield return (start, last);
            }
            first = day;
            last = day;
        }
        if (first is { } end)
        {
            yield return (end, last);
        }
    }
}
