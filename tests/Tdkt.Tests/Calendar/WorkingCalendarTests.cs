using NodaTime;
using NodaTime.Text;
using Tdkt.Calendar;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Calendar;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class WorkingCalendarTests
{
    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    [Theory]
    [InlineData("2023-01-02", false, "New Year 2023 falls on a Sunday: Monday 02/01 is the day off")]
    [InlineData("2023-01-03", true, "first working day of 2023")]
    [InlineData("2023-01-19", true, "the day before the Tết 2023 break")]
    [InlineData("2023-01-20", false, "Tết 2023 break 20-26/01")]
    [InlineData("2023-01-23", false, "Tết 2023 (Mồng 2)")]
    [InlineData("2023-01-26", false, "last day of the Tết 2023 break")]
    [InlineData("2023-01-27", true, "back to work after Tết 2023")]
    [InlineData("2023-04-28", true, "Friday before the 29/04-03/05/2023 break")]
    [InlineData("2023-05-02", false, "29/04-03/05/2023 break")]
    [InlineData("2023-05-03", false, "29/04-03/05/2023 break, last day")]
    [InlineData("2023-05-04", true, "after the April/May 2023 break")]
    [InlineData("2023-09-04", false, "National Day 2023 break 01-04/09")]
    [InlineData("2024-02-07", true, "the day before the Tết 2024 break")]
    [InlineData("2024-02-08", false, "Tết 2024 break 08-14/02")]
    [InlineData("2024-02-14", false, "Tết 2024 break, last day")]
    [InlineData("2024-02-15", true, "back to work after Tết 2024")]
    [InlineData("2024-04-18", false, "Giỗ Tổ Hùng Vương 2024")]
    [InlineData("2024-05-04", true, "Saturday worked in exchange (làm bù) in 2024")]
    [InlineData("2024-05-11", false, "an ordinary Saturday")]
    [InlineData("2025-04-26", true, "Saturday worked in exchange in 2025")]
    [InlineData("2026-01-02", false, "New Year 2026: Friday 02/01 given off in exchange")]
    [InlineData("2026-01-10", true, "Saturday 10/01/2026 worked in exchange for 02/01")]
    [InlineData("2026-02-13", true, "the day before the Tết 2026 break")]
    [InlineData("2026-02-16", false, "Tết 2026 break 14-22/02")]
    [InlineData("2026-02-23", true, "back to work after Tết 2026")]
    [InlineData("2026-04-27", false, "Giỗ Tổ 2026 is a Sunday: Monday 27/04 is off")]
    [InlineData("2026-04-30", false, "30/04/2026")]
    [InlineData("2026-05-01", false, "01/05/2026")]
    [InlineData("2026-05-04", true, "back to work after 30/04-03/05/2026")]
    [InlineData("2026-08-21", true, "Friday before the Saturday worked for National Day 2026")]
    [InlineData("2026-08-22", true, "Saturday 22/08/2026 worked in exchange for Monday 31/08")]
    [InlineData("2026-08-28", true, "Friday before the National Day 2026 break")]
    [InlineData("2026-08-31", false, "National Day 2026 break 29/08-02/09: Monday 31/08 swapped")]
    [InlineData("2026-09-01", false, "National Day 2026: Tuesday 01/09")]
    [InlineData("2026-09-02", false, "National Day 2026: Wednesday 02/09")]
    [InlineData("2026-09-03", true, "after National Day 2026")]
    public void Working_days_follow_the_announced_calendar(string date, bool working, string why)
    {
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.True(calendar.IsWorkingDay(D(date)) == working, why);
        // 2023-2026 are announced in full: no year is guessed.
        Assert.Empty(calendar.Warnings);
    }

    [Theory]
    [InlineData("2023-03-24", 5, "2023-03-31")]
    [InlineData("2023-03-31", -5, "2023-03-24")]
    [InlineData("2023-01-19", 1, "2023-01-27")]
    [InlineData("2023-04-28", 1, "2023-05-04")]
    [InlineData("2024-05-03", 1, "2024-05-04")]
    [InlineData("2023-01-27", -1, "2023-01-19")]
    public void Adding_working_days_skips_weekends_and_holidays(string from, int days, string expected)
    {
        Assert.Equal(D(expected), WorkingCalendarFile.LoadDefault().AddWorkingDays(D(from), days));
    }

    [Fact]
    public void Working_days_between_count_the_days_after_the_start_up_to_the_end()
    {
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.Equal(5, calendar.WorkingDaysBetween(D("2023-03-24"), D("2023-03-31")));
        Assert.Equal(1, calendar.WorkingDaysBetween(D("2023-01-19"), D("2023-01-27")));
        Assert.Equal(-5, calendar.WorkingDaysBetween(D("2023-03-31"), D("2023-03-24")));
        Assert.Equal(0, calendar.WorkingDaysBetween(D("2023-03-24"), D("2023-03-24")));
    }

    [Fact]
    public void Working_days_between_agrees_with_counting_day_by_day_across_years()
    {
        var calendar = WorkingCalendarFile.LoadDefault();
        var from = D("2022-12-20");
        var expected = 0;
        for (var to = from; to <= D("2025-01-10"); to = to.PlusDays(1))
        {
            if (to > from && calendar.IsWorkingDay(to))
            {
                expected++;
            }
            Assert.Equal(expected, calendar.WorkingDaysBetween(from, to));
            Assert.Equal(-expected, calendar.WorkingDaysBetween(to, from));
        }
        Assert.Equal(1, calendar.WorkingDaysBetween(D("2023-12-29"), D("2024-01-02")));
    }

    [Fact]
    public void A_deadline_on_a_day_off_is_reminded_on_the_working_day_before()
    {
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.Equal(D("2023-01-13"), calendar.OnOrBefore(D("2023-01-14")));
        Assert.Equal(D("2023-03-31"), calendar.OnOrBefore(D("2023-03-31")));
        Assert.Equal(D("2023-09-29"), calendar.OnOrBefore(D("2023-09-30")));
    }

    [Fact]
    public void A_year_without_data_falls_back_to_the_statutory_holidays_and_warns()
    {
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.False(calendar.IsWorkingDay(D("2027-02-08")));
        Assert.False(calendar.IsWorkingDay(D("2027-04-16")));
        Assert.False(calendar.IsWorkingDay(D("2027-09-02")));
        Assert.True(calendar.IsWorkingDay(D("2027-03-10")));
        Assert.Contains(calendar.Warnings, w => w.Contains("năm 2027", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partial_year_adds_the_statutory_days_it_does_not_list_and_warns()
    {
        var calendar = WorkingCalendarFile.Read("years:\n  \"2027\":\n    off: [2027-02-04..2027-02-12]\n    partial: true\n", "calendar.yaml");

        Assert.False(calendar.IsWorkingDay(D("2027-02-04")), "announced Tết break");
        Assert.False(calendar.IsWorkingDay(D("2027-04-16")), "Giỗ Tổ 2027, from the statutory rules");
        Assert.Equal(CalendarSource.BuiltInPartial, calendar.Describe(2027).Source);
        Assert.Contains(calendar.Warnings, w => w.Contains("năm 2027", StringComparison.Ordinal));
    }

    [Fact]
    public void An_announced_year_replaces_the_built_in_one_and_the_counts_follow_it()
    {
        var calendar = WorkingCalendarFile.LoadDefault();
        var before = calendar.WorkingDaysBetween(D("2027-01-31"), D("2027-02-28"));
        Assert.Equal(CalendarSource.Statutory, calendar.Describe(2027).Source);

        var announced = CalendarAnnouncement.Check(2027, ["2027-01-01", "2027-02-03..2027-02-14", "2027-04-16", "2027-04-30..2027-05-03", "2027-09-02..2027-09-03"], ["2027-02-20"], partial: false);
        calendar.Announce([announced.Days]);

        Assert.Empty(announced.Errors);
        Assert.False(calendar.IsWorkingDay(D("2027-02-03")), "the announced break starts earlier than the statutory days");
        Assert.True(calendar.IsWorkingDay(D("2027-02-20")), "Saturday worked in exchange");
        Assert.True(calendar.IsWorkingDay(D("2027-09-01")), "the announcement gives 02-03/09 instead of 01-02/09");
        // Three more weekdays off (03, 04 and 12/02) than the statutory days, one Saturday worked.
        Assert.Equal(before - 2, calendar.WorkingDaysBetween(D("2027-01-31"), D("2027-02-28")));
        Assert.Equal(CalendarSource.Stored, calendar.Describe(2027).Source);
        Assert.DoesNotContain(calendar.Warnings, w => w.Contains("năm 2027", StringComparison.Ordinal));

        calendar.Announce([]);
        Assert.True(calendar.IsWorkingDay(D("2027-02-03")), "withdrawn: the statutory days again");
        Assert.Equal(before, calendar.WorkingDaysBetween(D("2027-01-31"), D("2027-02-28")));
    }

    [Fact]
    public void An_announcement_is_refused_for_bad_dates_a_weekday_worked_or_a_day_both_off_and_worked()
    {
        var checkedYear = CalendarAnnouncement.Check(2027, ["2027-02-30", "2026-12-31", "2027-02-01..2027-02-27", "2027-03-05..2027-03-01"], ["2027-03-22", "2027-02-20"], partial: false);

        Assert.Equal(5, checkedYear.Errors.Count);
        Assert.Contains(checkedYear.Errors, e => e.StartsWith("2027-02-20 vừa có trong --off vừa có trong --worked", StringComparison.Ordinal));
        Assert.Contains(checkedYear.Errors, e => e.StartsWith("--off “2026-12-31”", StringComparison.Ordinal));
        Assert.Contains(checkedYear.Errors, e => e.StartsWith("--off “2027-02-30”", StringComparison.Ordinal));
        Assert.Contains(checkedYear.Errors, e => e.StartsWith("--off “2027-03-05..2027-03-01”", StringComparison.Ordinal));
        Assert.Contains(checkedYear.Errors, e => e.StartsWith("--worked 2027-03-22: Thứ Hai, 22/03/2027 vốn là ngày làm việc", StringComparison.Ordinal));
    }

    [Fact]
    public void An_announcement_that_leaves_out_a_statutory_holiday_is_stored_with_a_warning()
    {
        var announcement = CalendarAnnouncement.Check(2027, ["2027-01-01", "2027-02-04..2027-02-12"], [], partial: false);

        Assert.Empty(announcement.Errors);
        Assert.Contains(announcement.Warnings, w => w.StartsWith("Thứ Sáu, 16/04/2027 (Giỗ Tổ Hùng Vương)", StringComparison.Ordinal) && w.Contains("ngày làm việc", StringComparison.Ordinal));
        Assert.Contains(announcement.Warnings, w => w.StartsWith("Thứ Bảy, 01/05/2027 (Quốc tế Lao động)", StringComparison.Ordinal) && w.Contains("nghỉ bù", StringComparison.Ordinal));
        Assert.Empty(CalendarAnnouncement.Check(2027, ["2027-02-04..2027-02-12"], [], partial: true).Warnings);
    }

    [Fact]
    public void Days_are_written_back_as_the_items_they_were_read_from()
    {
        var days = CalendarDates.Parse("2027-02-04..2027-02-12", 2027)!.Concat(CalendarDates.Parse("2027-01-01", 2027)!);

        Assert.Equal(["2027-01-01", "2027-02-04..2027-02-12"], CalendarDates.Items(days));
    }

    [Fact]
    public void A_malformed_calendar_file_is_rejected_naming_the_entry()
    {
        var error = Assert.Throws<Tdkt.Input.InputRejectedException>(() =>
            WorkingCalendarFile.Read("years:\n  \"2024\":\n    off: [2024-02-30]\n", "calendar.yaml"));

        Assert.Contains("2024-02-30", error.Message, StringComparison.Ordinal);
    }
}
