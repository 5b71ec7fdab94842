using NodaTime;
using Tdkt.Input;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>Each rule with a small published-text plan: every problem is reported at once, with line and field, and nothing is built.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class PlanValidationTests
{
    private const string Header = "Ngày 22/12/2022, đơn vị nhận được Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023.\n\nKẾ HOẠCH\n\nCông tác thi đua, khen thưởng năm 2023\n\nTT\tNội dung\tCơ quan thực hiện\nQUÝ I\t\t\n";

    private static IReadOnlyList<InputError> Errors(string rows)
    {
        var result = Samples.Import(Header + rows);
        Assert.Null(result.Plan);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    [Fact]
    public void A_valid_small_plan_builds()
    {
        var result = Samples.Import(Header + "1\tPhát động phong trào thi đua\t- UBND tỉnh. - Sở Nội vụ.\n");

        Assert.Empty(result.Errors);
        Assert.Equal(new LocalDate(2023, 3, 31), Assert.Single(result.Plan!.Tasks).Deadline.Due);
    }

    [Fact]
    public void An_unknown_agency_is_reported_with_the_closest_directory_names()
    {
        var error = Assert.Single(Errors("1\tPhát động phong trào\t- UBND tỉnh. - Sở Nội Vụu.\n"));

        Assert.Equal(("plan.txt", 9, "agencies"), (error.File, error.Line, error.Field));
        Assert.Contains("Không có cơ quan “Sở Nội Vụu” trong danh bạ. Có phải: Sở Nội vụ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_task_number_names_both_lines()
    {
        var error = Assert.Single(Errors("1\tViệc thứ nhất\t- Sở Nội vụ.\n1\tViệc thứ hai\t- Sở Nội vụ.\n"));

        Assert.Equal((10, "number"), (error.Line, error.Field));
        Assert.Contains("Số thứ tự 1 bị trùng (đã có ở dòng 9)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_content_is_reported()
    {
        var error = Assert.Single(Errors("1\t\t- Sở Nội vụ.\n"));

        Assert.Equal((9, "content"), (error.Line, error.Field));
    }

    [Fact]
    public void An_impossible_date_in_the_content_is_reported()
    {
        var error = Assert.Single(Errors("1\tGửi báo cáo trước ngày 31/02/2023\t- Sở Nội vụ.\n"));

        Assert.Equal((9, "content"), (error.Line, error.Field));
        Assert.Contains("31/02/2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_outside_the_plan_year_is_reported()
    {
        var error = Assert.Single(Errors("1\tGửi báo cáo chậm nhất ngày 10/01/2024\t- Sở Nội vụ.\n"));

        Assert.Equal((9, "content"), (error.Line, error.Field));
        Assert.Contains("nằm ngoài năm kế hoạch 2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_without_members_must_be_resolved_by_the_administrator()
    {
        var directory = Tdkt.Agencies.AgencyDirectoryFile.ReadYaml("""
            agencies:
              - id: so-noi-vu
                name: Sở Nội vụ
                to: [so-noi-vu@example.org]
              - id: lien-quan
                name: Các cơ quan, đơn vị liên quan
                group: true
            """, "agencies.yaml").Directory!;

        var result = Samples.Import(Header + "1\tViệc\t- Sở Nội vụ. - Các cơ quan, đơn vị liên quan.\n", directory: directory);

        var error = Assert.Single(result.Errors);
        Assert.Contains("là nhóm chưa có thành viên", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors("1\t\t- Sở Nội Vụu.\n1\tGửi trước ngày 31/02/2023\t- Sở Nội vụ.\n");

        Assert.Equal(["9:content", "9:agencies", "10:number", "10:content"], errors.Select(e => $"{e.Line}:{e.Field}"));
    }

    [Fact]
    public void A_file_over_5_MB_is_rejected_before_it_is_read()
    {
        var result = Tdkt.Plans.Import.PlanImporter.Import(new byte[(5 * 1024 * 1024) + 1], "plan.txt", Samples.Directory());

        var error = Assert.Single(result.Errors);
        Assert.Equal("file", error.Field);
        Assert.Contains("vượt giới hạn 5 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_5000_tasks_are_rejected()
    {
        var rows = string.Concat(Enumerable.Range(1, 5001).Select(n => $"{n}\tViệc số {n}\t- Sở Nội vụ.\n"));

        var errors = Errors(rows);

        Assert.Contains(errors, e => e.Field == "tasks" && e.Message.Contains("vượt giới hạn 5000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_without_its_reference_says_what_is_missing()
    {
        var result = Samples.Import("KẾ HOẠCH\n\nCông tác thi đua, khen thưởng năm 2023\n\nTT\tNội dung\tCơ quan thực hiện\nQUÝ I\t\t\n1\tViệc\t- Sở Nội vụ.\n");

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Field == "number");
        Assert.Contains(result.Errors, e => e.Field == "issuedOn");
    }
}
