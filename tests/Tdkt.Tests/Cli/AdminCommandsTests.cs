using System.Text;
using System.Text.Json;
using Tdkt.Links;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Cli;

/// <summary>`tdkt report`, `tdkt link` and `tdkt outbox` as separate processes against the test Azurite.</summary>
public sealed class AdminCommandsTests(LocalServices services)
{
    private Dictionary<string, string> Environment(ReminderScenario scenario) => new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        ["Tdkt__Links__BaseUrl"] = "https://tdkt.example.org",
        ["Tdkt__Links__SigningKeys"] = WebScenario.SigningKeys,
    };

    [Fact]
    public async Task Report_prints_the_categories_as_text_json_and_a_csv_file()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-03-24");
        await scenario.CompleteAsync("III.1", "so-tai-chinh", "2023-03-24");
        var env = Environment(scenario);
        var csvFile = Path.Combine(Path.GetTempPath(), $"bao-cao-{Guid.NewGuid():N}.csv");

        var text = await CliProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03");
        var json = await CliProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03", "--format", "json");
        var csv = await CliProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03", "--format", "csv", "--output", csvFile);
        var unknown = await CliProcess.RunAsync(env, "report", "2023-999-kh-ubnd");
        var badFormat = await CliProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--format", "pdf");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Tính đến Thứ Hai, 03/04/2023.", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("- Sở Nội vụ: 1 / 0 / 16 / 9 / 26, 3,8 %", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("- Tổng cộng: 1 / 1 / 66 / 33 / 101, 2,0 %", text.StdOut, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.StdOut);
        Assert.Equal(101, document.RootElement.GetProperty("total").GetProperty("total").GetInt32());
        Assert.Equal(0, csv.ExitCode);
        var bytes = await File.ReadAllBytesAsync(csvFile, TestContext.Current.CancellationToken);
        File.Delete(csvFile);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("so-noi-vu,Sở Nội vụ,Cả năm,1,3.8,0,0.0,16,61.5,9,34.6,26", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal((2, "tdkt: không có kế hoạch 2023-999-kh-ubnd (tdkt plan list)"), (unknown.ExitCode, unknown.StdErr.Trim()));
        Assert.Equal(2, badFormat.ExitCode);
    }

    [Fact]
    public async Task Link_prints_the_agencys_current_link_that_the_page_accepts()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var env = Environment(scenario);

        var link = await CliProcess.RunAsync(env, "link", "so-noi-vu");
        var unknown = await CliProcess.RunAsync(env, "link", "so-noi-vuu");
        var unconfigured = await CliProcess.RunAsync(new Dictionary<string, string>(env) { ["Tdkt__Links__BaseUrl"] = "" }, "link", "so-noi-vu");

        Assert.Equal(0, link.ExitCode);
        Assert.StartsWith("https://tdkt.example.org/api/a/", link.StdOut.Trim(), StringComparison.Ordinal);
        var verification = new LinkTokens(Microsoft.Extensions.Options.Options.Create(new LinkOptions { SigningKeys = WebScenario.SigningKeys }), NodaTime.SystemClock.Instance)
            .Verify(link.StdOut.Trim().Split('/')[^1]);
        Assert.Equal((LinkCheck.Valid, "so-noi-vu"), (verification.Check, verification.Agency));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("không có cơ quan so-noi-vuu trong danh bạ (có phải: so-noi-vu (Sở Nội vụ)", unknown.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, unconfigured.ExitCode);
    }

    [Fact]
    public async Task Outbox_list_and_retry_say_what_they_did_and_refuse_bad_keys()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var env = Environment(scenario);

        var empty = await CliProcess.RunAsync(env, "outbox", "list", "--json");
        var badKey = await CliProcess.RunAsync(env, "outbox", "retry", "2023-03-24/monthly/so-noi-vu");
        var missing = await CliProcess.RunAsync(env, "outbox", "retry", "2023-03-24/daily/so-noi-vu");

        Assert.Equal((0, "[]"), (empty.ExitCode, empty.StdOut.Trim()));
        Assert.Equal((2, "tdkt: “2023-03-24/monthly/so-noi-vu” không phải mã thư (YYYY-MM-DD/daily|weekly/cơ-quan)"), (badKey.ExitCode, badKey.StdErr.Trim()));
        Assert.Equal((2, "tdkt: không có thư 2023-03-24/daily/so-noi-vu"), (missing.ExitCode, missing.StdErr.Trim()));
    }
}
