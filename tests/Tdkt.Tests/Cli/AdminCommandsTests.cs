using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Assignments;
using Tdkt.Links;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Cli;

/// <summary>`tdkt report`, `tdkt task`, `tdkt link` and `tdkt outbox`, run in process, against the test Azurite.</summary>
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

        var text = await CliInProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03");
        var json = await CliInProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03", "--format", "json");
        var csv = await CliInProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--as-of", "2023-04-03", "--format", "csv", "--output", csvFile);
        var unknown = await CliInProcess.RunAsync(env, "report", "2023-999-kh-ubnd");
        var badFormat = await CliInProcess.RunAsync(env, "report", "2023-252-kh-ubnd", "--format", "pdf");

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
        Assert.Equal((2, "tdkt: Không có kế hoạch 2023-999-kh-ubnd."), (unknown.ExitCode, unknown.StdErr.Trim()));
        Assert.Equal(2, badFormat.ExitCode);
    }

    [Fact]
    public async Task Task_complete_records_a_reported_completion_on_its_date_once_and_task_reopen_opens_it_again()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var env = Environment(scenario);
        const string Plan = "2023-252-kh-ubnd";

        var done = await CliInProcess.RunAsync(env, "task", "complete", Plan, "1", "--agency", "so-noi-vu", "--on", "2023-03-20", "--by", "Phòng TĐKT", "--note", "Báo cáo số 12/BC-SNV");
        var again = await CliInProcess.RunAsync(env, "task", "complete", Plan, "1", "--agency", "so-noi-vu");
        var late = await CliInProcess.RunAsync(env, "task", "complete", Plan, "III.1", "--agency", "so-tai-chinh", "--on", "2023-04-10", "--json");
        var future = await CliInProcess.RunAsync(env, "task", "complete", Plan, "2", "--agency", "so-noi-vu", "--on", "2099-01-01");
        var badDate = await CliInProcess.RunAsync(env, "task", "complete", Plan, "2", "--agency", "so-noi-vu", "--on", "20/03/2023");
        var mistyped = await CliInProcess.RunAsync(env, "task", "complete", Plan, "2", "--agency", "so-noi-vu", "--on", "2013-03-20");
        var notHeld = await CliInProcess.RunAsync(env, "task", "complete", Plan, "2", "--agency", "so-khong-co");
        var noTask = await CliInProcess.RunAsync(env, "task", "complete", Plan, "99", "--agency", "so-noi-vu");
        var reopen = await CliInProcess.RunAsync(env, "task", "reopen", Plan, "1", "--agency", "so-noi-vu", "--reason", "Báo cáo thiếu số liệu");
        var reopenAgain = await CliInProcess.RunAsync(env, "task", "reopen", Plan, "1", "--agency", "so-noi-vu", "--reason", "Lần nữa");

        Assert.Equal((0, "Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ số 1 ngày 20/03/2023 (đúng hạn, hạn 31/03/2023)."), (done.ExitCode, done.StdOut.Trim()));
        Assert.Equal((1, "tdkt: Sở Nội vụ đã được ghi nhận hoàn thành nhiệm vụ số 1 ngày 20/03/2023 (Phòng TĐKT) từ trước; muốn sửa ngày thì mở lại nhiệm vụ rồi ghi nhận lại."),
            (again.ExitCode, again.StdErr.Trim()));
        Assert.Equal(0, late.ExitCode);
        using (var json = JsonDocument.Parse(late.StdOut))
        {
            Assert.Equal((true, "2023-04-10"), (json.RootElement.GetProperty("recorded").GetBoolean(), json.RootElement.GetProperty("completedOn").GetString()));
        }
        Assert.Equal(2, future.ExitCode);
        Assert.StartsWith("tdkt: Ngày hoàn thành 01/01/2099 là sau hôm nay (", future.StdErr, StringComparison.Ordinal);
        Assert.Equal((2, "tdkt: Ngày hoàn thành 20/03/2013 sớm hơn ngày 01/01/2022 (đầu năm trước năm kế hoạch 2023), có lẽ gõ nhầm năm: chưa ghi nhận gì."),
            (mistyped.ExitCode, mistyped.StdErr.Trim()));
        Assert.Equal((2, "tdkt: --on “20/03/2023” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-20"), (badDate.ExitCode, badDate.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Nhiệm vụ số 2 của kế hoạch 2023-252-kh-ubnd không giao cho so-khong-co, hoặc kế hoạch chưa được kích hoạt: chưa ghi nhận gì."),
            (notHeld.ExitCode, notHeld.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Kế hoạch 2023-252-kh-ubnd không có nhiệm vụ số 99."), (noTask.ExitCode, noTask.StdErr.Trim()));
        Assert.Equal((0, "Đã mở lại nhiệm vụ số 1 cho: Sở Nội vụ."), (reopen.ExitCode, reopen.StdOut.Trim()));
        Assert.Equal(1, reopenAgain.ExitCode);

        var audit = await scenario.Provider.GetRequiredService<AuditLog>().ListAsync(Plan, TestContext.Current.CancellationToken);
        Assert.Equal(["complete 0001--so-noi-vu Phòng TĐKT", "complete iii-1--so-tai-chinh quản trị", "reopen 0001--so-noi-vu quản trị"],
            audit.Select(a => $"{a.Action} {a.Assignment} {a.By}"));
    }

    [Fact]
    public async Task Link_prints_the_agencys_current_link_that_the_page_accepts()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var env = Environment(scenario);

        var link = await CliInProcess.RunAsync(env, "link", "so-noi-vu");
        var unknown = await CliInProcess.RunAsync(env, "link", "so-noi-vuu");
        var unconfigured = await CliInProcess.RunAsync(new Dictionary<string, string>(env) { ["Tdkt__Links__BaseUrl"] = "" }, "link", "so-noi-vu");

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

        var empty = await CliInProcess.RunAsync(env, "outbox", "list", "--json");
        var badKey = await CliInProcess.RunAsync(env, "outbox", "retry", "2023-03-24/monthly/so-noi-vu");
        var missing = await CliInProcess.RunAsync(env, "outbox", "retry", "2023-03-24/daily/so-noi-vu");

        Assert.Equal((0, "[]"), (empty.ExitCode, empty.StdOut.Trim()));
        Assert.Equal((2, "tdkt: “2023-03-24/monthly/so-noi-vu” không phải mã thư (YYYY-MM-DD/daily|weekly/cơ-quan)."), (badKey.ExitCode, badKey.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Không có thư 2023-03-24/daily/so-noi-vu."), (missing.ExitCode, missing.StdErr.Trim()));
    }
}
