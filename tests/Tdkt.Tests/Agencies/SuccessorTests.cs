using System.Net;
using System.Text.Json;
using Tdkt.Agencies;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Agencies;

/// <summary>
/// Agencies renamed or merged (the 2025 reorganisation): the directory names the successor and the day it took over; a
/// plan from then on that still names the old agency gives its tasks to the successor and says so; older plans keep it.
/// </summary>
public sealed class SuccessorTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The 2024 sample plan as if issued for 2026: it still names "Sở Kế hoạch và Đầu tư" (task II.3).</summary>
    private static string Plan2026 => File.ReadAllText(RepositoryRoot.File("samples", "plans", "lang-son-2024-245-kh-ubnd.txt"))
        .Replace("2024", "2026", StringComparison.Ordinal).Replace("2023", "2025", StringComparison.Ordinal);

    [Fact]
    public void A_plan_after_the_merger_gives_the_old_agencys_tasks_to_its_successor_with_a_warning()
    {
        var result = Samples.Import(Plan2026, "ke-hoach-2026.txt");

        Assert.Empty(result.Errors);
        var task = result.Plan!.Tasks.Single(t => t.Number == "II.3");
        Assert.Contains(new AgencyId("so-tai-chinh"), task.Agencies);
        Assert.DoesNotContain(new AgencyId("so-ke-hoach-va-dau-tu"), task.Agencies);
        var warning = Assert.Single(result.Warnings);
        // II.3 names it; I.2 and III.1 name "Các Cụm thi đua của tỉnh", a group it is still a member of.
        Assert.Equal("Sở Kế hoạch và Đầu tư đã được thay bằng Sở Tài chính từ ngày 01/03/2025: nhiệm vụ I.2, II.3, III.1 giao cho Sở Tài chính. "
            + "Kiểm tra lại trước khi kích hoạt.", warning);
    }

    [Fact]
    public void A_plan_from_before_the_merger_keeps_the_old_agency()
    {
        var result = Samples.Import(File.ReadAllText(RepositoryRoot.File("samples", "plans", "lang-son-2024-245-kh-ubnd.txt")), "ke-hoach-2024.txt");

        Assert.Empty(result.Errors);
        Assert.Contains(new AgencyId("so-ke-hoach-va-dau-tu"), result.Plan!.Tasks.Single(t => t.Number == "II.3").Agencies);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task The_preview_and_the_API_say_which_agency_was_replaced()
    {
        var prefix = TestHost.UniquePrefix();
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix }, withPlan: false);
        var file = Path.Combine(Path.GetTempPath(), $"ke-hoach-2026-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, Plan2026, Ct);
        try
        {
            var preview = await CliInProcess.RunAsync(new Dictionary<string, string>
            {
                ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
                ["Tdkt__Storage__Prefix"] = prefix,
            }, "plan", "import", file, "--dry-run");
            using var saved = await web.PostPlanAsync(System.Text.Encoding.UTF8.GetBytes(Plan2026), "text/plain", "ke-hoach-2026.txt");
            using var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(Ct));

            Assert.Equal(0, preview.ExitCode);
            Assert.Contains("Lưu ý: Sở Kế hoạch và Đầu tư đã được thay bằng Sở Tài chính từ ngày 01/03/2025", preview.StdErr, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            Assert.Contains("Sở Tài chính", Assert.Single(body.RootElement.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("    replacedBy: khong-co\n    from: 2025-03-01\n", "replacedBy", "Cơ quan thay thế “khong-co” không có trong danh bạ.")]
    [InlineData("    replacedBy: b\n", "from", "Thiếu “from”")]
    [InlineData("    replacedBy: b\n    from: 31/02/2025\n", "from", "Ngày “31/02/2025” không hợp lệ")]
    [InlineData("    from: 2025-03-01\n", "from", "“from” chỉ dùng cùng “replacedBy”")]
    [InlineData("    replacedBy: a\n    from: 2025-03-01\n", "replacedBy", "không thể thay thế chính nó")]
    public void A_succession_that_cannot_be_followed_is_refused_naming_the_line_and_field(string succession, string field, string message)
    {
        var yaml = "agencies:\n  - id: a\n    name: Sở A\n    to: [a@example.org]\n" + succession + "  - id: b\n    name: Sở B\n    to: [b@example.org]\n";

        var result = AgencyDirectoryFile.Read(yaml, "danh-ba.yaml");

        Assert.Null(result.Directory);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("danh-ba.yaml", 2, field), (error.File, error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_that_comes_back_to_itself_is_refused()
    {
        const string yaml = "agencies:\n  - id: a\n    name: Sở A\n    to: [a@example.org]\n    replacedBy: b\n    from: 2025-03-01\n"
            + "  - id: b\n    name: Sở B\n    to: [b@example.org]\n    replacedBy: a\n    from: 2025-07-01\n";

        var result = AgencyDirectoryFile.Read(yaml, "danh-ba.yaml");

        Assert.Null(result.Directory);
        Assert.Contains(result.Errors, e => e.Message.Contains("quay lại chính nó", StringComparison.Ordinal));
    }

    [Fact]
    public void The_succession_survives_export_and_storage_formats()
    {
        var directory = Samples.Directory();
        var again = AgencyDirectoryFile.Read(AgencyDirectoryFile.WriteCsv(directory), "danh-ba.csv").Directory!;
        var yaml = AgencyDirectoryFile.Read(AgencyDirectoryFile.WriteYaml(directory), "danh-ba.yaml").Directory!;

        foreach (var copy in new[] { again, yaml })
        {
            var old = copy.Find(new AgencyId("so-ke-hoach-va-dau-tu"))!;
            Assert.Equal((new AgencyId("so-tai-chinh"), new NodaTime.LocalDate(2025, 3, 1)), (old.ReplacedBy!.Value, old.ReplacedFrom!.Value));
            Assert.Equal(new AgencyId("so-tai-chinh"), copy.SuccessorOn(old.Id, new NodaTime.LocalDate(2025, 3, 1)));
            Assert.Equal(old.Id, copy.SuccessorOn(old.Id, new NodaTime.LocalDate(2025, 2, 28)));
        }
    }

    [Fact]
    public async Task The_directory_store_keeps_the_succession()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        var stored = await web.Get<AgencyStore>().LoadAsync(Ct);

        Assert.Equal(new NodaTime.LocalDate(2025, 3, 1), stored.Find(new AgencyId("so-ke-hoach-va-dau-tu"))!.ReplacedFrom);
    }
}
