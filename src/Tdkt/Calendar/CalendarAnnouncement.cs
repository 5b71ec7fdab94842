using NodaTime;
using Tdkt.Clock;

namespace Tdkt.Calendar;

/// <summary>
/// A year's calendar as an administrator announces it (<c>tdkt calendar set YEAR --off … --worked …</c>): checked before
/// anything is stored. Errors refuse it; warnings (a statutory holiday not given off) are shown and it is stored.
/// </summary>
public sealed record CalendarAnnouncement(CalendarYear Days, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static CalendarAnnouncement Check(int year, IReadOnlyList<string> off, IReadOnlyList<string> worked, bool partial) =>
        Check(year, off, worked, partial, "--off", "--worked");

    /// <summary>The same, naming the fields as the form that gave them does (the console: "Ngày nghỉ", "Ngày làm bù").</summary>
    public static CalendarAnnouncement Check(int year, IReadOnlyList<string> off, IReadOnlyList<string> worked, bool partial, string offField, string workedField)
    {
        ArgumentNullException.ThrowIfNull(off);
        ArgumentNullException.ThrowIfNull(worked);
        var errors = new List<string>();
        var warnings = new List<string>();
        if (year is < FirstYear or > LastYear)
        {
            errors.Add($"Năm {year} không hợp lệ (từ {FirstYear} đến {LastYear}).");
            return new CalendarAnnouncement(new CalendarYear(year, new HashSet<LocalDate>(), new HashSet<LocalDate>(), partial), errors, warnings);
        }
        var offDays = Days(off, offField);
        var workedDays = Days(worked, workedField);
        foreach (var day in workedDays.Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)).Order())
        {
            errors.Add($"--worked {Iso(day)}: {VietnamTime.Format(day)} vốn là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
        }
        foreach (var day in offDays.Intersect(workedDays).Order())
        {
            errors.Add($"{Iso(day)} vừa có trong --off vừa có trong --worked.");
        }
        if (offDays.Count == 0 && !partial)
        {
            errors.Add($"Chưa có ngày nghỉ nào: ghi các ngày nghỉ lễ, Tết đã công bố của năm {year} bằng --off (ví dụ --off {year}-01-01), hoặc dùng --partial nếu mới công bố một phần.");
        }
        if (!partial)
        {
            foreach (var (day, name) in StatutoryHolidays.Named(year).Where(h => !offDays.Contains(h.Day)))
            {
                warnings.Add(day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday
                    ? $"{VietnamTime.Format(day)} ({name}) là ngày lễ theo Bộ luật Lao động, rơi vào cuối tuần: ngày nghỉ bù (nếu có) cần ghi trong --off."
                    : $"{VietnamTime.Format(day)} ({name}) là ngày lễ theo Bộ luật Lao động nhưng không có trong --off: ngày đó sẽ được tính là ngày làm việc.");
            }
        }
        return new CalendarAnnouncement(new CalendarYear(year, offDays, workedDays, partial), errors, warnings);

        HashSet<LocalDate> Days(IReadOnlyList<string> items, string option)
        {
            var days = new HashSet<LocalDate>();
            foreach (var item in items.SelectMany(i => i.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (CalendarDates.Parse(item, year) is { } parsed)
                {
                    days.UnionWith(parsed);
                }
                else
                {
                    errors.Add($"{option} {CalendarDates.Invalid(item, year)}");
                }
            }
            return days;
        }
    }

    private static string Iso(LocalDate day) => NodaTime.Text.LocalDatePattern.Iso.Format(day);
}
