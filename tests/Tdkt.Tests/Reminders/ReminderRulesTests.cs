using NodaTime;
using NodaTime.Text;
using Tdkt.Calendar;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Reminders;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class ReminderRulesTests
{
    private static readonly ReminderRules Rules = new(WorkingCalendarFile.LoadDefault());
    private static readonly ReminderPolicy Policy = ReminderPolicy.Default;

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    [Theory]
    [InlineData("2023-03-23", null, "6 working days before 31/03: nothing")]
    [InlineData("2023-03-24", NoticeKind.Upcoming, "5 working days before Friday 31/03/2023")]
    [InlineData("2023-03-27", null, "4 working days before")]
    [InlineData("2023-03-30", NoticeKind.Upcoming, "1 working day before")]
    [InlineData("2023-03-31", NoticeKind.Due, "the deadline")]
    [InlineData("2023-04-01", null, "Saturday: nothing on a day off")]
    [InlineData("2023-04-03", NoticeKind.Overdue, "first working day after the deadline (1 overdue)")]
    [InlineData("2023-04-04", null, "2 overdue")]
    [InlineData("2023-04-06", NoticeKind.Overdue, "4 overdue: every 3 working days")]
    [InlineData("2023-04-07", NoticeKind.Escalation, "5 overdue: the supervising agency is copied")]
    [InlineData("2023-04-10", null, "6 overdue")]
    [InlineData("2023-04-12", NoticeKind.Escalation, "8 overdue: escalation every 3 working days")]
    public void A_quarter_deadline_is_reminded_before_on_and_after_the_day(string day, NoticeKind? expected, string why)
    {
        Assert.True(expected == Rules.Trigger(D(day), Policy, D("2023-03-31"), kickoffDay: null), why);
    }

    [Theory]
    [InlineData("2023-01-06", NoticeKind.Upcoming, "5 working days before Friday 13/01")]
    [InlineData("2023-01-12", NoticeKind.Upcoming, "1 working day before 13/01")]
    [InlineData("2023-01-13", NoticeKind.Due, "\"trước ngày 15/01\" is due Saturday 14/01: reminded the Friday before")]
    [InlineData("2023-01-16", NoticeKind.Overdue, "Monday: 1 working day after Saturday 14/01")]
    public void A_deadline_on_a_day_off_is_reminded_on_the_working_day_before(string day, NoticeKind? expected, string why)
    {
        Assert.True(expected == Rules.Trigger(D(day), Policy, D("2023-01-14"), kickoffDay: null), why);
        Assert.Equal(-1, Rules.WorkingDaysLeft(D("2023-01-16"), D("2023-01-14")));
        Assert.Equal(0, Rules.WorkingDaysLeft(D("2023-01-13"), D("2023-01-14")));
    }

    [Fact]
    public void Overdue_days_skip_the_Tet_break()
    {
        // Due Thursday 19/01/2023, the day before Tết: 20-26/01 are off, so 27/01 is 1 working day overdue.
        Assert.Null(Rules.Trigger(D("2023-01-23"), Policy, D("2023-01-19"), null));
        Assert.Equal(NoticeKind.Overdue, Rules.Trigger(D("2023-01-27"), Policy, D("2023-01-19"), null));
        Assert.Equal(NoticeKind.Escalation, Rules.Trigger(D("2023-02-02"), Policy, D("2023-01-19"), null));
    }

    [Theory]
    [InlineData(2023, 1, null, "2023-01-03", "02/01/2023 is the New Year day off")]
    [InlineData(2023, 2, null, "2023-04-03", "01/04/2023 is a Saturday")]
    [InlineData(2023, 3, null, "2023-07-03", "01/07/2023 is a Saturday")]
    [InlineData(2023, 4, null, "2023-10-02", "01/10/2023 is a Sunday")]
    [InlineData(2023, 1, "2022-12-28", "2023-01-03", "activated before the year: the quarter's first working day")]
    [InlineData(2023, 1, "2023-02-15", "2023-02-16", "activated mid-quarter: the next working day")]
    [InlineData(2023, 1, "2023-01-19", "2023-01-27", "activated the day before Tết: the first working day after it")]
    public void Kickoff_is_the_quarters_first_working_day_or_the_day_after_activation(int year, int quarter, string? activated, string expected, string why)
    {
        Assert.True(D(expected) == Rules.KickoffDay(year, quarter, activated is null ? null : D(activated)), why);
    }

    [Fact]
    public void Kickoff_lists_a_task_not_yet_due_and_a_late_activation_tells_an_overdue_task_its_state()
    {
        var window = new ValueList<LocalDate>([D("2023-01-03")]);
        Assert.Equal(NoticeKind.Kickoff, Rules.Notice(window, Policy, D("2023-03-31"), D("2023-01-03"), D("2023-01-03")));

        var late = new ValueList<LocalDate>([D("2023-02-16")]);
        Assert.Equal(NoticeKind.Escalation, Rules.Notice(late, Policy, D("2023-01-14"), D("2023-02-16"), D("2023-02-16")));
    }

    [Fact]
    public void After_missed_days_one_notice_tells_the_state_as_of_today()
    {
        // The sweep ran last on Wednesday 05/04; Thursday 06/04 (4 overdue) was missed; Friday 07/04 is 5 overdue.
        var window = new ValueList<LocalDate>([D("2023-04-06"), D("2023-04-07")]);
        Assert.Equal(NoticeKind.Escalation, Rules.Notice(window, Policy, D("2023-03-31"), null, D("2023-04-07")));

        // Missed the 5-day notice (Friday 24/03), run again on Monday 27/03: still "due soon", once.
        var upcoming = new ValueList<LocalDate>([D("2023-03-24"), D("2023-03-27")]);
        Assert.Equal(NoticeKind.Upcoming, Rules.Notice(upcoming, Policy, D("2023-03-31"), null, D("2023-03-27")));
        Assert.Null(Rules.Notice(new ValueList<LocalDate>([D("2023-03-27")]), Policy, D("2023-03-31"), null, D("2023-03-27")));
    }

    [Fact]
    public void The_due_date_buckets_are_exactly_the_dates_that_can_speak_on_each_day()
    {
        var policies = new[] { Policy, new ReminderPolicy(false, new ValueList<int>([10, 3]), false, 2, 0) };
        foreach (var policy in policies)
        {
            for (var day = D("2023-01-01"); day <= D("2023-12-31"); day = day.PlusDays(1))
            {
                var buckets = Rules.DueDates(new ValueList<LocalDate>([day]), policy, D("2022-12-01"));
                for (var due = D("2022-12-01"); due <= D("2024-02-29"); due = due.PlusDays(1))
                {
                    var speaks = Rules.Trigger(day, policy, due, kickoffDay: null) is not null;
                    Assert.True(speaks == buckets.Contains(due), $"day {day}, due {due}: trigger {speaks}, bucket {buckets.Contains(due)}");
                }
            }
        }
    }

    [Fact]
    public void A_policy_with_impossible_numbers_says_what_is_wrong_in_Vietnamese()
    {
        var problems = new ReminderPolicy(true, new ValueList<int>([0, 5, 5]), true, 0, 99).Problems();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("nhắc trước hạn", StringComparison.Ordinal));
        Assert.Empty(ReminderPolicy.Default.Problems());
    }
}
