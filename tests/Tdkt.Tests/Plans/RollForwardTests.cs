using NodaTime;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class RollForwardTests
{
    private static readonly (Plan Draft, IReadOnlyList<RollForwardChange> Changes) Rolled = RollForward.ToNextYear(Samples.Plan(), 2024);

    [Fact]
    public void The_draft_is_a_new_plan_for_the_next_year()
    {
        Assert.Equal(new PlanId("2024-du-thao-252-kh-ubnd"), Rolled.Draft.Id);
        Assert.Equal("", Rolled.Draft.Number);
        Assert.Equal(PlanStatus.Draft, Rolled.Draft.Status);
        Assert.Contains(Rolled.Changes, c => c.Field == "number" && c.Before == "252/KH-UBND");
        Assert.Equal("Công tác thi đua, khen thưởng năm 2024", Rolled.Draft.Title);
    }

    [Theory]
    [InlineData("1", "2024-03-31", "QUÝ I")]
    [InlineData("17", "2024-09-30", "QUÝ III")]
    [InlineData("III.1", "2024-01-14", "trước ngày 15/01/2024")]
    [InlineData("15", "2024-06-30", "6 tháng đầu năm")]
    public void Deadlines_are_recomputed_for_the_new_year(string task, string due, string phrase)
    {
        var t = Rolled.Draft.Tasks.Single(t => t.Number == task);

        Assert.Equal((NodaTime.Text.LocalDatePattern.Iso.Parse(due).Value, phrase), (t.Deadline.Due, t.Deadline.Phrase));
    }

    [Fact]
    public void Years_in_the_text_move_by_one_and_cited_documents_do_not()
    {
        Assert.Equal("Báo cáo tổng kết công tác TĐKT năm 2023, phương hướng nhiệm vụ công tác năm 2024; chấm điểm thi đua năm 2023 của tỉnh gửi cụm thi đua 7 tỉnh miền núi biên giới phía Bắc",
            Rolled.Draft.Tasks.Single(t => t.Number == "2").Content);
        Assert.Equal("Ban hành Kế hoạch công tác TĐKT năm 2025", Rolled.Draft.Tasks.Single(t => t.Number == "26").Content);
        Assert.Contains("Nghị quyết số 27/2021/NQ-HĐND ngày 09/12/2021", Rolled.Draft.Tasks.Single(t => t.Number == "9").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_change_is_listed_for_review()
    {
        Assert.Contains(Rolled.Changes, c => c is { Task: "III.1", Field: "deadline" } && c.After == "trước ngày 15/01/2024 (14/01/2024)");
        Assert.Contains(Rolled.Changes, c => c is { Task: "", Field: "title" });
        Assert.Contains(Rolled.Changes, c => c is { Task: "", Field: "issuedOn" });
        Assert.DoesNotContain(Rolled.Changes, c => c.Before == c.After);
    }

    [Fact]
    public void The_draft_is_itself_a_valid_plan()
    {
        var result = Samples.Import(CanonicalPlan.ToYaml(Rolled.Draft), "draft.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(Rolled.Draft, result.Plan);
    }

    [Fact]
    public void Phrases_that_do_not_move_by_a_year_are_listed_for_review()
    {
        var plan = Samples.Plan();
        var task = plan.Tasks[0] with { Content = "Tổng kết phong trào thi đua giai đoạn 2021 - 2025; tổ chức Đại hội Thi đua yêu nước lần thứ Tư; khen thưởng năm 2019" };
        var changes = RollForward.ToNextYear(plan with { Tasks = new[] { task }.ToValueList() }, 2024).Changes;

        var review = changes.Where(c => c.Field == "review" && c.Task == task.Number).Select(c => c.Before).ToList();

        Assert.Equal(["giai đoạn 2021 - 2025", "lần thứ Tư", "năm 2019"], review);
    }

    [Fact]
    public void Agencies_replaced_by_the_new_year_are_given_to_their_successor_and_listed()
    {
        var directory = Samples.Directory();
        var plan = Samples.Plan() with { Year = 2025, Id = new PlanId("2025-9-kh-ubnd") };
        var task = plan.Tasks[0] with
        {
            Agencies = new[] { new AgencyId("so-ke-hoach-va-dau-tu"), new AgencyId("so-tai-chinh"), new AgencyId("so-noi-vu") }.ToValueList(),
            Leads = 1,
            Deadline = new Deadline(DeadlineRule.EndOfQuarter, "QUÝ I", new LocalDate(2025, 3, 31)),
        };

        var (draft, changes) = RollForward.ToNextYear(plan with { Tasks = new[] { task }.ToValueList() }, 2026, directory);

        Assert.Equal(["so-tai-chinh", "so-noi-vu"], draft.Tasks[0].Agencies.Select(a => a.Value));
        Assert.Equal(["so-tai-chinh"], draft.Tasks[0].LeadAgencies.Select(a => a.Value));
        Assert.Contains(changes, c => c.Field == "agencies" && c.Before.StartsWith("Sở Kế hoạch và Đầu tư", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leap_day_moves_to_the_last_day_of_February()
    {
        var plan = Samples.Plan() with { Year = 2024, Tasks = new[] { Samples.Plan().Tasks[0] with { Deadline = new Deadline(DeadlineRule.OnDate, "ngày 29/02/2024", new LocalDate(2024, 2, 29)) } }.ToValueList() };

        var draft = RollForward.ToNextYear(plan, 2025).Draft;

        Assert.Equal(("ngày 28/02/2025", new LocalDate(2025, 2, 28)), (draft.Tasks[0].Deadline.Phrase, draft.Tasks[0].Deadline.Due));
    }
}
