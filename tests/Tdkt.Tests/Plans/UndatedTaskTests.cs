using System.Text.Json;
using Tdkt.Plans;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// A task the plan gives no fixed date ("Khi có yêu cầu") through the CLI against Azurite: imported with a warning, never
/// refused, not reminded; <c>tdkt task set-due</c> gives it a day, and from then the sweep reminds it like any other.
/// </summary>
public sealed class UndatedTaskTests(LocalServices services)
{
    private const string Plan = """
        UBND TỈNH LẠNG SƠN
        SỞ NỘI VỤ
        Số: 40/KH-SNV
        Lạng Sơn, ngày 10 tháng 12 năm 2026
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2027
        TT	Nội dung	Cơ quan thực hiện	Thời gian
        1	Phát động phong trào thi đua	Sở Nội vụ	Quý I
        2	Tham mưu khen thưởng đột xuất	Sở Tài chính	Khi có yêu cầu
        3	Tổng kết đợt thi đua chuyên đề	Sở Nội vụ	Sau khi kết thúc đợt thi đua
        """;

    [Fact]
    public async Task An_undated_task_is_imported_not_reminded_and_reminded_once_given_a_day()
    {
        var env = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("tdkt-undated-").FullName, "khong-han.txt");
        await File.WriteAllTextAsync(file, Plan, TestContext.Current.CancellationToken);

        var import = await CliInProcess.RunAsync(env, "plan", "import", file, "--agencies", Samples.DirectoryPath, "--json");
        Assert.Equal(0, import.ExitCode);
        using (var json = JsonDocument.Parse(import.StdOut))
        {
            var tasks = json.RootElement.GetProperty("plan").GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(JsonValueKind.Null, tasks[1].GetProperty("due").ValueKind);
            Assert.Equal("Khi có yêu cầu", tasks[1].GetProperty("deadlinePhrase").GetString());
            Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w =>
                w.GetString()!.StartsWith("Nhiệm vụ chưa có thời hạn cụ thể: 2 (“Khi có yêu cầu”); 3 (“Sau khi kết thúc đợt thi đua”).", StringComparison.Ordinal));
        }
        Assert.Equal(0, (await CliInProcess.RunAsync(env, "plan", "activate", "2027-40-kh-snv")).ExitCode);
        Assert.DoesNotContain(await NoticesAsync(env, "2027-03-19"), n => n == "2027-40-kh-snv/2");

        // The administrator gives the date on 15/03/2027, when the province announces it.
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2027, 3, 15, 2, 0));
        var past = await CliInProcess.RunAsync(env, clock, "task", "set-due", "2027-40-kh-snv", "2", "2027-03-12");
        var refused = await CliInProcess.RunAsync(env, clock, "task", "set-due", "2027-40-kh-snv", "1", "2027-03-26");
        var set = await CliInProcess.RunAsync(env, clock, "task", "set-due", "2027-40-kh-snv", "2", "2027-03-26");

        Assert.Equal((2, "tdkt: Ngày 12/03/2027 đã qua (hôm nay 15/03/2027): chọn một ngày từ hôm nay; không thay đổi gì."), (past.ExitCode, past.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Nhiệm vụ số 1 đã có thời hạn “Quý I” (31/03/2027): muốn lùi hạn cho một cơ quan thì gia hạn (tdkt task extend); không thay đổi gì."),
            (refused.ExitCode, refused.StdErr.Trim()));
        Assert.Equal((0, "Đã gán hạn 26/03/2027 cho nhiệm vụ số 2 của kế hoạch số 40/KH-SNV: từ nay nhiệm vụ được nhắc như mọi nhiệm vụ khác."),
            (set.ExitCode, set.StdOut.Trim()));
        Assert.Contains(await NoticesAsync(env, "2027-03-19"), n => n == "2027-40-kh-snv/2");

        // The same document imported again still says "Khi có yêu cầu": the day given is kept, not lost.
        var again = await CliInProcess.RunAsync(env, "plan", "import", file, "--agencies", Samples.DirectoryPath, "--json");
        Assert.Equal(0, again.ExitCode);
        using (var json = JsonDocument.Parse(again.StdOut))
        {
            Assert.Equal("2027-03-26", json.RootElement.GetProperty("plan").GetProperty("tasks")[1].GetProperty("due").GetString());
        }
        Assert.Contains(await NoticesAsync(env, "2027-03-19"), n => n == "2027-40-kh-snv/2");
    }

    /// <summary>The plan/task of every notice a dry-run sweep of <paramref name="date"/> would send.</summary>
    private static async Task<List<string>> NoticesAsync(Dictionary<string, string> env, string date)
    {
        var sweep = await CliInProcess.RunAsync(env, "sweep", "--date", date, "--dry-run", "--json");
        Assert.Equal(0, sweep.ExitCode);
        using var json = JsonDocument.Parse(sweep.StdOut);
        return [.. json.RootElement.GetProperty("digests").EnumerateArray().SelectMany(d => d.GetProperty("notices").EnumerateArray())
            .Select(n => $"{n.GetProperty("plan").GetString()}/{n.GetProperty("task").GetString()}")];
    }
}

/// <summary>The console gives an undated task its day: administrators see the form on the plan page, and the task takes the day for every agency.</summary>
public sealed class ConsoleUndatedTaskTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_plan_page_shows_an_undated_task_as_such_and_an_administrator_gives_it_a_day()
    {
        await using var web = await Tdkt.Tests.Completion.WebScenario.StartAsync(services, Tdkt.Tests.AdminConsole.ConsoleSignInTests.FirstAdmin, withPlan: false);
        var plan = "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2023\n(Kèm theo Kế hoạch số 7/KH-SNV ngày 02/01/2023 của Sở Nội vụ)\n"
            + "TT\tNội dung\tCơ quan thực hiện\tThời gian\n1\tPhát động thi đua\tSở Nội vụ\tQuý II\n2\tKhen thưởng đột xuất\tSở Nội vụ; Sở Tài chính\tKhi có yêu cầu\n";
        using (var posted = await web.PostPlanAsync(System.Text.Encoding.UTF8.GetBytes(plan), "text/plain", "khong-han.txt"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        }
        using var admin = new Tdkt.Tests.AdminConsole.ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");

        var page = System.Net.WebUtility.HtmlDecode(await admin.PageAsync("console/plans/2023-7-kh-snv"));
        Assert.Contains("Chưa có thời hạn cụ thể (Khi có yêu cầu)", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/console/plans/2023-7-kh-snv/set-due\"", page, StringComparison.Ordinal);
        var csrf = Tdkt.Tests.AdminConsole.ConsoleBrowser.CsrfIn(page);

        using var set = await admin.PostAsync("console/plans/2023-7-kh-snv/set-due", ("csrf", csrf), ("task", "2"), ("due", "2023-05-15"));

        Assert.Equal(System.Net.HttpStatusCode.SeeOther, set.StatusCode);
        var after = System.Net.WebUtility.HtmlDecode(await admin.PageAsync(set.Headers.Location!.OriginalString.TrimStart('/')));
        Assert.Contains("Đã gán hạn 15/05/2023 cho nhiệm vụ số 2 của kế hoạch số 7/KH-SNV", after, StringComparison.Ordinal);
        var stored = (await web.Get<PlanStore>().GetAsync(new PlanId("2023-7-kh-snv"), Ct))!.Tasks[1];
        Assert.Equal((DeadlineRule.OnDate, new NodaTime.LocalDate(2023, 5, 15), "Khi có yêu cầu", 2), (stored.Deadline.Rule, stored.Deadline.Due, stored.Deadline.Phrase, stored.Quarter));
        Assert.DoesNotContain("action=\"/console/plans/2023-7-kh-snv/set-due\"", after, StringComparison.Ordinal);
    }
}
