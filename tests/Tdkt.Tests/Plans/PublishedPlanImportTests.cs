using NodaTime;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class PublishedPlanImportTests
{
    [Fact]
    public void The_seed_plan_yields_26_table_tasks_by_quarter_and_the_dated_task_from_section_III()
    {
        var plan = Samples.Plan();

        var table = plan.Tasks.Where(t => t.Number.All(char.IsAsciiDigit)).ToList();
        Assert.Equal(Enumerable.Range(1, 26).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Select(t => t.Number));
        Assert.Equal([10, 6, 5, 5], table.GroupBy(t => t.Quarter).OrderBy(g => g.Key).Select(g => g.Count()));

        var dated = Assert.Single(plan.Tasks, t => t.Number == "III.1");
        Assert.Equal(new LocalDate(2023, 1, 14), dated.Deadline.Due);
        Assert.Equal(DeadlineRule.BeforeDate, dated.Deadline.Rule);
        Assert.Equal("trước ngày 15/01/2023", dated.Deadline.Phrase);
        Assert.Equal(1, dated.Quarter);
        Assert.Equal(27, plan.Tasks.Count);
    }

    [Fact]
    public void The_seed_plan_reference_is_read_from_the_text()
    {
        var plan = Samples.Plan();

        Assert.Equal("252/KH-UBND", plan.Number);
        Assert.Equal("Công tác thi đua, khen thưởng năm 2023", plan.Title);
        Assert.Equal("Ủy ban nhân dân tỉnh Lạng Sơn", plan.Issuer);
        Assert.Equal(new LocalDate(2022, 12, 21), plan.IssuedOn);
        Assert.Equal(2023, plan.Year);
        Assert.Equal(new PlanId("2023-252-kh-ubnd"), plan.Id);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Theory]
    [InlineData("1", "ubnd-tinh,so-noi-vu")]
    [InlineData("4", "ubnd-tinh,so-noi-vu,so-giao-duc-va-dao-tao,so-tai-chinh,so-van-hoa-the-thao-va-du-lich")]
    [InlineData("12", "ubnd-tinh,hoi-dong-tdkt-tinh,so-noi-vu")]
    [InlineData("13", "ubnd-tinh,so-ke-hoach-va-dau-tu,lien-minh-htx,hiep-hoi-doanh-nghiep,so-noi-vu")]
    [InlineData("19", "ubnd-tinh,hoi-dong-xet-ton-vinh,so-noi-vu")]
    [InlineData("III.1", "so-ke-hoach-va-dau-tu,so-giao-duc-va-dao-tao,so-tai-chinh,so-van-hoa-the-thao-va-du-lich")]
    public void Agencies_are_resolved_in_plan_order_with_groups_expanded(string task, string agencies)
    {
        var plan = Samples.Plan();

        Assert.Equal(agencies.Split(',').Select(a => new AgencyId(a)), plan.Tasks.Single(t => t.Number == task).Agencies);
    }

    [Fact]
    public void List_cells_keep_their_items_as_one_line_without_markup()
    {
        var task = Samples.Plan().Tasks.Single(t => t.Number == "4");

        Assert.Equal(
            "- Tổng hợp, thẩm định hồ sơ và trình khen thưởng thành tích năm 2022 cho các cơ quan, đơn vị; - Trình khen thưởng bậc cao thành tích năm 2022 cho các cơ quan, đơn vị",
            task.Content);
        Assert.DoesNotContain("<", task.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_task_without_a_date_is_due_at_the_end_of_its_quarter()
    {
        var plan = Samples.Plan();

        var task = plan.Tasks.Single(t => t.Number == "17");
        Assert.Equal(DeadlineRule.EndOfQuarter, task.Deadline.Rule);
        Assert.Equal("QUÝ III", task.Deadline.Phrase);
        Assert.Equal(new LocalDate(2023, 9, 30), task.Deadline.Due);
    }

    [Theory]
    [InlineData("- UBND tỉnh. - Sở Nội vụ.")]
    [InlineData("<ul style=\"list-style-type: none\"> - UBND tỉnh. - Sở Nội vụ.")]
    [InlineData("<ul><li>UBND tỉnh.</li><li>Sở Nội vụ.</li></ul>")]
    [InlineData("<ul><li>- UBND tỉnh;</li>\n<li>- Sở Nội vụ;</li></ul>")]
    [InlineData("UBND tỉnh; Sở Nội vụ")]
    public void Agency_cells_are_split_the_same_way_however_the_list_is_written(string cell)
    {
        Assert.Equal(["UBND tỉnh", "Sở Nội vụ"], Tdkt.Plans.Import.PublishedPlanParser.SplitAgencies(cell));
    }
}
