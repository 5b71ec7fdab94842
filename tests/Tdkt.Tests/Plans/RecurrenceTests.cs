using NodaTime;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>Recurring duties as plans write them, read into their occurrences within the plan's year or school year.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class RecurrenceTests
{
    private static readonly PlanPeriod Year2026 = PlanPeriod.CalendarYear(2026);

    private static List<string> Dues(string phrase, PlanPeriod? period = null)
    {
        var occurrences = Recurrence.Parse(phrase, period ?? Year2026, out var error);
        Assert.Null(error);
        Assert.NotNull(occurrences);
        return [.. occurrences.Select(o => o.Deadline.Due.ToString("dd/MM/yyyy", null))];
    }

    [Theory]
    [InlineData("Định kỳ hằng tháng, trước ngày 20", "19/01/2026", "19/12/2026")]
    [InlineData("Hằng tháng (trước ngày 20)", "19/01/2026", "19/12/2026")]
    [InlineData("Trước ngày 25 hàng tháng", "24/01/2026", "24/12/2026")]
    [InlineData("Ngày 5 hằng tháng", "05/01/2026", "05/12/2026")]
    [InlineData("Hằng tháng", "31/01/2026", "31/12/2026")]
    [InlineData("Báo cáo định kỳ tháng, quý, 6 tháng, năm", "31/01/2026", "31/12/2026")]
    public void A_monthly_duty_has_twelve_occurrences(string phrase, string first, string last)
    {
        var dues = Dues(phrase);
        Assert.Equal(12, dues.Count);
        Assert.Equal((first, last), (dues[0], dues[^1]));
    }

    [Fact]
    public void A_day_the_month_lacks_is_its_last_day()
    {
        var dues = Dues("Hằng tháng, chậm nhất ngày 30");
        Assert.Equal(["30/01/2026", "28/02/2026", "30/03/2026"], dues.Take(3));
    }

    [Theory]
    [InlineData("Hằng quý", "31/03/2026,30/06/2026,30/09/2026,31/12/2026")]
    [InlineData("Hằng quý, trước ngày 25 tháng cuối quý", "24/03/2026,24/06/2026,24/09/2026,24/12/2026")]
    [InlineData("Định kỳ hằng quý (trước ngày 15 của tháng cuối quý)", "14/03/2026,14/06/2026,14/09/2026,14/12/2026")]
    [InlineData("Hằng quý, trước ngày 10 tháng đầu quý sau", "09/04/2026,09/07/2026,09/10/2026,09/01/2027")]
    public void A_quarterly_duty_falls_at_each_quarter(string phrase, string expected) =>
        Assert.Equal(expected.Split(','), Dues(phrase));

    [Theory]
    [InlineData("Trước ngày 20 của tháng cuối quý", "19/03/2026,19/06/2026,19/09/2026,19/12/2026")]
    [InlineData("3 tháng một lần", "31/03/2026,30/06/2026,30/09/2026,31/12/2026")]
    [InlineData("Định kỳ 03 tháng", "31/03/2026,30/06/2026,30/09/2026,31/12/2026")]
    [InlineData("Báo cáo quý, 6 tháng, năm", "31/03/2026,30/06/2026,30/09/2026,31/12/2026")]
    [InlineData("6 tháng đầu năm và cả năm", "30/06/2026,31/12/2026")]
    [InlineData("6 tháng một lần", "30/06/2026,31/12/2026")]
    [InlineData("Tháng một lần, trước ngày 10", "09/01/2026,09/02/2026,09/03/2026,09/04/2026,09/05/2026,09/06/2026,09/07/2026,09/08/2026,09/09/2026,09/10/2026,09/11/2026,09/12/2026")]
    public void Other_ways_of_writing_a_quarter_or_a_half_repeat_too(string phrase, string expected) =>
        Assert.Equal(expected.Split(','), Dues(phrase));

    [Fact]
    public void A_monthly_report_due_early_in_the_next_month_falls_in_it_and_Decembers_in_January()
    {
        var dues = Dues("Hằng tháng, trước ngày 05 tháng sau");
        Assert.Equal(("04/02/2026", "04/01/2027"), (dues[0], dues[^1]));
        Assert.Null(Recurrence.Parse("Báo cáo quý I", Year2026, out _));
    }

    [Theory]
    [InlineData("Báo cáo 6 tháng (trước 15/6) và năm (trước 15/11)", "14/06/2026,14/11/2026", "kỳ 6 tháng,kỳ năm")]
    [InlineData("Trước ngày 15/6 và trước ngày 15/12", "14/06/2026,14/12/2026", "lần 1,lần 2")]
    [InlineData("Định kỳ 6 tháng", "30/06/2026,31/12/2026", "6 tháng đầu năm 2026,6 tháng cuối năm 2026")]
    [InlineData("Sơ kết 6 tháng và tổng kết năm", "30/06/2026,31/12/2026", "6 tháng đầu năm 2026,6 tháng cuối năm 2026")]
    public void Twice_a_year_keeps_the_stated_dates_and_names_each(string phrase, string expected, string labels)
    {
        Assert.Equal(expected.Split(','), Dues(phrase));
        Assert.Equal(labels.Split(','), Recurrence.Parse(phrase, Year2026, out _)!.Select(o => o.Label));
    }

    [Theory]
    [InlineData("Hằng tuần", IsoDayOfWeek.Friday)]
    [InlineData("Thứ Hai hằng tuần", IsoDayOfWeek.Monday)]
    [InlineData("Hằng tuần (chiều thứ 5)", IsoDayOfWeek.Thursday)]
    public void A_weekly_duty_falls_on_its_weekday_every_week(string phrase, IsoDayOfWeek day)
    {
        var occurrences = Recurrence.Parse(phrase, Year2026, out _)!;
        Assert.InRange(occurrences.Count, 52, 53);
        Assert.All(occurrences, o => Assert.Equal(day, o.Deadline.Due.DayOfWeek));
        Assert.Equal(occurrences.Count, occurrences.Select(o => o.Code).Distinct().Count());
    }

    [Fact]
    public void In_a_school_year_a_monthly_duty_runs_from_September_to_May()
    {
        var school = new PlanPeriod(new LocalDate(2025, 9, 1), new LocalDate(2026, 5, 31));
        var occurrences = Recurrence.Parse("Hằng tháng, trước ngày 25", school, out _)!;
        Assert.Equal(["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"], occurrences.Select(o => o.Code));
        Assert.Equal(new LocalDate(2025, 9, 24), occurrences[0].Deadline.Due);
        Assert.Equal(["14/12/2025", "14/05/2026"], Dues("Trước 15/12 và trước 15/5", school));
    }

    [Theory]
    [InlineData("Quý I")]
    [InlineData("trước ngày 15/01/2026")]
    [InlineData("Hằng năm (Quý II)")]
    [InlineData("Từ ngày 01/3 đến ngày 30/4/2026")]
    [InlineData("6 tháng đầu năm")]
    [InlineData("Khi có yêu cầu")]
    public void A_phrase_with_one_deadline_is_not_recurring(string phrase) =>
        Assert.Null(Recurrence.Parse(phrase, Year2026, out _));

    [Theory]
    [InlineData("Hằng năm (Quý II)", DeadlineRule.EndOfQuarter, "30/06/2026")]
    [InlineData("Hằng năm, trước ngày 15/11", DeadlineRule.BeforeDate, "14/11/2026")]
    [InlineData("Quý III hằng năm", DeadlineRule.EndOfQuarter, "30/09/2026")]
    [InlineData("Từ ngày 01/3 đến ngày 30/4/2026", DeadlineRule.OnDate, "30/04/2026")]
    [InlineData("Hằng ngày", DeadlineRule.Ongoing, "31/12/2026")]
    public void A_yearly_duty_a_range_and_a_daily_one_read_as_one_deadline(string phrase, DeadlineRule rule, string due)
    {
        var deadline = DeadlineRules.Parse(phrase, 2026, out var error);
        Assert.Null(error);
        Assert.Equal((rule, due, phrase), (deadline!.Rule, deadline.Due.ToString("dd/MM/yyyy", null), deadline.Phrase));
    }

    [Fact]
    public void Occurrence_codes_name_their_period_so_keys_survive_a_changed_day()
    {
        var before = Recurrence.Parse("Hằng tháng, trước ngày 20", Year2026, out _)!;
        var after = Recurrence.Parse("Hằng tháng, trước ngày 25", Year2026, out _)!;
        Assert.Equal(before.Select(o => o.Code), after.Select(o => o.Code));
        Assert.Equal("tháng 01/2026", before[0].Label);
        Assert.Equal(["2026-q1", "2026-q2", "2026-q3", "2026-q4"], Recurrence.Parse("Hằng quý", Year2026, out _)!.Select(o => o.Code));
    }
}
