using System.Text.Json;
using Tdkt.Plans.Import;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Cli;

/// <summary>`tdkt plan …` against the test Azurite: in process, and once as the built program (a smoke test of the real process).</summary>
public sealed class PlanCommandsTests(LocalServices services)
{
    private readonly Dictionary<string, string> environment = new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
    };

    [Fact]
    public async Task Import_dry_run_json_prints_the_plan_and_no_errors()
    {
        var result = await CliProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath, "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal("2023-252-kh-ubnd", plan.GetProperty("id").GetString());
        Assert.Equal(2023, plan.GetProperty("year").GetInt32());
        var dated = plan.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetString() == "III.1");
        Assert.Equal("2023-01-14", dated.GetProperty("due").GetString());
        Assert.Equal("trước ngày 15/01/2023", dated.GetProperty("deadlinePhrase").GetString());
        Assert.Equal(27, plan.GetProperty("tasks").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());

        var list = await CliInProcess.RunAsync(environment, "plan", "list", "--json");
        Assert.Equal("[]", list.StdOut.Trim());
    }

    [Fact]
    public async Task An_invalid_plan_exits_2_with_every_error_and_stores_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Samples.PlanTextPath, TestContext.Current.CancellationToken))
            .Replace("- Sở Nội vụ.", "- Sở Nội vụu.", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await CliInProcess.RunAsync(environment, "plan", "import", file, "--agencies", Samples.DirectoryPath, "--json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("plan").ValueKind);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count > 10);
        Assert.All(errors, e => Assert.Equal("agencies", e.GetProperty("field").GetString()));
        Assert.Equal("[]", (await CliInProcess.RunAsync(environment, "plan", "list", "--json")).StdOut.Trim());
    }

    [Fact]
    public async Task Import_stores_the_plan_a_second_import_changes_nothing_and_export_gives_the_canonical_YAML()
    {
        var first = await CliInProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath);
        var second = await CliInProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath);
        var export = await CliInProcess.RunAsync(environment, "plan", "export", "2023-252-kh-ubnd", "--format", "yaml");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Đã lưu kế hoạch mới 2023-252-kh-ubnd", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("không thay đổi", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(CanonicalPlan.ToYaml(Samples.Plan()), export.StdOut);
    }

    [Fact]
    public async Task Roll_forward_and_activate_work_on_the_stored_plan()
    {
        await CliInProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath);

        var rolled = await CliInProcess.RunAsync(environment, "plan", "roll-forward", "2023-252-kh-ubnd", "--year", "2024");
        var activated = await CliInProcess.RunAsync(environment, "plan", "activate", "2023-252-kh-ubnd");
        var missing = await CliInProcess.RunAsync(environment, "plan", "activate", "2099-khong-co");
        var unnumbered = await CliInProcess.RunAsync(environment, "plan", "activate", "2024-du-thao-252-kh-ubnd");
        var numbered = await CliInProcess.RunAsync(environment, "plan", "set-number", "2024-du-thao-252-kh-ubnd", "245/KH-UBND", "--issued-on", "19/12/2023");
        var list = await CliInProcess.RunAsync(environment, "plan", "list", "--json");

        Assert.Equal(0, rolled.ExitCode);
        Assert.Contains("Đã tạo dự thảo 2024-du-thao-252-kh-ubnd", rolled.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, activated.ExitCode);
        Assert.Equal((2, "tdkt: Không có kế hoạch “2099-khong-co”."), (missing.ExitCode, missing.StdErr.Trim()));
        Assert.Equal(2, unnumbered.ExitCode);
        Assert.Contains("chưa có số hiệu", unnumbered.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, numbered.ExitCode);
        Assert.Contains("dự thảo nay là 2024-245-kh-ubnd", numbered.StdOut, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(list.StdOut);
        Assert.Equal(["2023-252-kh-ubnd:active", "2024-245-kh-ubnd:draft", "2024-du-thao-252-kh-ubnd:archived"],
            json.RootElement.EnumerateArray().Select(p => $"{p.GetProperty("id").GetString()}:{p.GetProperty("status").GetString()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Importing_a_plan_file_marked_active_says_it_is_active_as_it_is_stored()
    {
        var yaml = Path.Combine(Path.GetTempPath(), $"active-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(yaml, CanonicalPlan.ToYaml(Samples.Plan() with { Status = Tdkt.Plans.PlanStatus.Active }), TestContext.Current.CancellationToken);
        try
        {
            var result = await CliInProcess.RunAsync(environment, "plan", "import", yaml, "--agencies", Samples.DirectoryPath);
            var list = await CliInProcess.RunAsync(environment, "plan", "list", "--json");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Đã lưu kế hoạch mới 2023-252-kh-ubnd (đang thực hiện).", result.StdOut, StringComparison.Ordinal);
            Assert.Contains("\"status\": \"active\"", list.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(yaml);
        }
    }
}
