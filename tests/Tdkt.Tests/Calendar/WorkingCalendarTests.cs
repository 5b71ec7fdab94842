using NodaTime;
using NodaTime.Text;
using Tdkt.Calendar;

namespace Tdkt.Tests.Calendar;

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
    [InlineData("2026-02-16", false, "Tết 2026 break 14-22/02")]
    [InlineData("2026-02-23", true, "back to work after Tết 2026")]
    public void Working_days_follow_the_announced_calendar(string date, bool working, string why)
    {
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.True(calendar.IsWorkingDay(D(date)) == working, why);
        if (D(date).Year <= 2025)
        {
            // 2023-2025 are fully announced; 2026 is partial and warns (see below).
            Assert.Empty(calendar.Warnings);
        }
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
        var calendar = WorkingCalendarFile.LoadDefault();

        Assert.False(calendar.IsWorkingDay(D("2026-04-27")), "Giỗ Tổ 2026 is a Sunday: Monday 27/04 is off");
        Assert.False(calendar.IsWorkingDay(D("2026-04-30")));
        Assert.Contains(calendar.Warnings, w => w.Contains("năm 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_calendar_file_is_rejected_naming_the_entry()
    {
        var error = Assert.Throws<Tdkt.Input.InputRejectedException>(() =>
            WorkingCalendarFile.Read("years:\n  \"2024\":\n    off: [2024-02-30]\n", "calendar.yaml"));

        Assert.Contains("2024-02-30", error.Message, StringComparison.Ordinal);
    }
}
