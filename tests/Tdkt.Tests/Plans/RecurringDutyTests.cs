using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Reminders;
using Tdkt.Reports;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// A Sở Nội vụ's plan of recurring duties (monthly, quarterly, twice a year with stated dates, yearly with a quarter, and
/// one without a date), through the whole product against Azurite: each occurrence is a deadline of its own.
/// </summary>
public sealed class RecurringDutyTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal const string Plan = "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2023\n(Kèm theo Kế hoạch số 9/KH-SNV ngày 02/01/2023 của Sở Nội vụ)\n"
        + "TT\tNội dung\tCơ quan thực hiện\tThời gian\n"
        + "1\tBáo cáo kết quả công tác thi đua, khen thưởng\tSở Tài chính\tĐịnh kỳ hằng tháng, trước ngày 20\n"
        + "2\tTổng hợp số liệu khen thưởng\tSở Nội vụ\tHằng quý\n"
        + "3\tBáo cáo sơ kết, tổng kết\tSở Tài chính\tBáo cáo 6 tháng (trước 15/6) và năm (trước 15/11)\n"
        + "4\tCung cấp hồ sơ khen thưởng\tSở Tài chính\tKhi có yêu cầu\n"
        + "5\tTổ chức hội nghị điển hình tiên tiến\tSở Nội vụ\tHằng năm (Quý II)\n";

    private const string Id = "2023-9-kh-snv";

    [Fact]
    public async Task Imported_over_HTTP_each_occurrence_is_confirmed_on_its_own_and_the_reports_count_the_ones_due_so_far()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        using var posted = await web.PostPlanAsync(Encoding.UTF8.GetBytes(Plan), "text/plain", "dinh-ky.txt");
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using (var json = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct)))
        {
            var tasks = json.RootElement.GetProperty("plan").GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(5, tasks.Count);
            Assert.Equal("2023-01-19", tasks[0].GetProperty("due").GetString());
            Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2023-{m:D2}-19"), tasks[0].GetProperty("occurrences").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(["2023-06-14", "2023-11-14"], tasks[2].GetProperty("occurrences").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(JsonValueKind.Null, tasks[3].GetProperty("due").ValueKind);
            Assert.Equal("2023-06-30", tasks[4].GetProperty("due").GetString());
        }
        await web.Get<PlanStore>().SetStatusAsync(new PlanId(Id), PlanStatus.Active, Ct);

        // 24/03/2023: the March report (due 19/03) is overdue, April's is open; the agency confirms March's.
        var page = web.PagePath("so-tai-chinh");
        var html = WebUtility.HtmlDecode(await web.PageAsync(page));
        Assert.Contains("1 (tháng 03/2023)", html, StringComparison.Ordinal);
        Assert.Contains("1 (tháng 04/2023)", html, StringComparison.Ordinal);
        // The later months are named under April's, not listed as twelve tasks.
        Assert.DoesNotContain("1 (tháng 05/2023)", html, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ định kỳ, mỗi kỳ xác nhận riêng. Các kỳ sau (8): 19/05/2023, 19/06/2023", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">Chưa có thời hạn cụ thể</span>", html, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: <strong>Khi có yêu cầu</strong>", html, StringComparison.Ordinal);
        var march = new TaskRef(new PlanId(Id), "0001-2023-03");
        var april = new TaskRef(new PlanId(Id), "0001-2023-04");
        using var confirmed = await web.PostAsync(page, march);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);

        Assert.True((await web.AssignmentAsync(march, "so-tai-chinh"))!.Done);
        Assert.False((await web.AssignmentAsync(april, "so-tai-chinh"))!.Done);
        Assert.False((await web.AssignmentAsync(new TaskRef(new PlanId(Id), "0001-2023-02"), "so-tai-chinh"))!.Done);

        // The reports count the occurrences due by 24/03 (January to March of task 1; none of tasks 2 and 3 yet: 9 + 4 + 2 later ones).
        var builder = web.Get<ReportBuilder>();
        var report = (await builder.BuildAsync(Id, ReportFormat.Json, new LocalDate(2023, 3, 24), Ct)).Report!;
        var financeCounts = report.ByAgency.Single(l => l.Agency == "so-tai-chinh").Counts;
        Assert.Equal((1, 2, 0), (financeCounts.DoneOnTime + financeCounts.DoneLate, financeCounts.OpenOverdue, financeCounts.Ongoing));
        Assert.Equal(9 + 4 + 2, report.UpcomingOccurrences);
        // Task 4 ("Khi có yêu cầu") is reported apart, not as an ongoing task.
        Assert.Equal(1, report.Undated);
        var text = Encoding.UTF8.GetString((await builder.BuildAsync(Id, ReportFormat.Text, new LocalDate(2023, 3, 24), Ct)).Document!.Content);
        Assert.Contains("Nhiệm vụ chưa có thời hạn cụ thể (như “Khi có yêu cầu”): 1 lượt, tính riêng", text, StringComparison.Ordinal);
        var docx = (await builder.BuildAsync(Id, ReportFormat.Docx, new LocalDate(2023, 3, 24), Ct)).Document!;
        using var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false);
        text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Kế hoạch gồm 5 (năm) nhiệm vụ", text, StringComparison.Ordinal);
        Assert.Contains("Trong đó có 3 (ba) nhiệm vụ định kỳ, mỗi kỳ là một lượt riêng; kỳ chưa đến hạn chưa tính (15 (mười lăm) lượt). Có 1 (một) lượt nhiệm vụ chưa có thời hạn cụ thể", text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ số 1 (tháng 02/2023)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tdkt_plan_import_dry_run_lists_each_duty_once_with_its_occurrences()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tdkt-recurring-").FullName, "dinh-ky.txt");
        await File.WriteAllTextAsync(file, Plan, Ct);

        var json = await Cli.CliInProcess.RunAsync(new Dictionary<string, string>(), "plan", "import", file, "--agencies", Samples.DirectoryPath, "--dry-run", "--json");
        var text = await Cli.CliInProcess.RunAsync(new Dictionary<string, string>(), "plan", "import", file, "--agencies", Samples.DirectoryPath, "--dry-run");

        Assert.Equal((0, 0), (json.ExitCode, text.ExitCode));
        using var parsed = JsonDocument.Parse(json.StdOut);
        var tasks = parsed.RootElement.GetProperty("plan").GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"], tasks[1].GetProperty("occurrences").EnumerateArray().Select(d => d.GetString()));
        Assert.False(tasks[4].TryGetProperty("occurrences", out var none) && none.ValueKind != JsonValueKind.Null);
        Assert.Contains("5 nhiệm vụ (trong đó 3 nhiệm vụ định kỳ, 18 kỳ), 20 lượt giao việc", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("2 kỳ: 14/06/2023, 14/11/2023", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_preview_lists_a_duty_once_with_every_occurrence()
    {
        await using var web = await WebScenario.StartAsync(services, AdminConsole.ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new AdminConsole.ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");
        var csrf = AdminConsole.ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));

        using var pasted = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(Plan), "text" } });
        var page = WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, pasted.StatusCode);
        Assert.Contains("12 kỳ: 19/01/2023, 19/02/2023", page, StringComparison.Ordinal);
        Assert.Contains("5 nhiệm vụ. Trong đó 3 nhiệm vụ định kỳ: mỗi kỳ được nhắc và xác nhận riêng.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1 (tháng 02/2023)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurring_duty_exports_once_with_its_occurrences_and_reads_back_to_the_same_tasks_and_keys()
    {
        var directory = Samples.Directory();
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(Plan), "dinh-ky.txt", directory).Plan!;
        var json = CanonicalPlan.ToJson(plan);
        var yaml = CanonicalPlan.ToYaml(plan);

        var fromJson = PlanImporter.Import(Encoding.UTF8.GetBytes(json), "dinh-ky.json", directory);
        var fromYaml = PlanImporter.Import(Encoding.UTF8.GetBytes(yaml), "dinh-ky.yaml", directory);

        Assert.Equal(5, JsonDocument.Parse(json).RootElement.GetProperty("tasks").GetArrayLength());
        Assert.True(fromJson.IsValid, string.Join("\n", fromJson.Errors.Select(e => e.Describe())));
        Assert.True(fromYaml.IsValid, string.Join("\n", fromYaml.Errors.Select(e => e.Describe())));
        Assert.Equal(plan.Tasks.Select(t => (t.Key, t.Number, t.Deadline.Due)), fromJson.Plan!.Tasks.Select(t => (t.Key, t.Number, t.Deadline.Due)));
        Assert.Equal(plan.Tasks.Select(t => (t.Key, t.Number, t.Deadline.Due)), fromYaml.Plan!.Tasks.Select(t => (t.Key, t.Number, t.Deadline.Due)));

        // A file whose stated dates disagree with the phrase is refused at the task, naming both.
        var edited = json.Replace("\"2023-02-19\"", "\"2023-02-20\"", StringComparison.Ordinal);
        var refused = PlanImporter.Import(Encoding.UTF8.GetBytes(edited), "dinh-ky.json", directory);
        Assert.Contains(refused.Errors, e => e.Field == "tasks[0].occurrences" && e.Message.Contains("19/02/2023", StringComparison.Ordinal));
    }

    [Fact]
    public void Rolled_forward_a_duty_moves_once_and_takes_the_new_years_occurrences()
    {
        var plan = PlanImporter.Import(Encoding.UTF8.GetBytes(Plan), "dinh-ky.txt", Samples.Directory()).Plan!;

        var (draft, changes) = RollForward.ToNextYear(plan, 2024);

        var monthly = draft.Tasks.Where(t => t.Series?.Number == "1").ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"0001-2024-{m:D2}"), monthly.Select(t => t.Key));
        Assert.Equal(("1 (tháng 01/2024)", new LocalDate(2024, 1, 19)), (monthly[0].Number, monthly[0].Deadline.Due));
        Assert.Single(changes, c => c.Task == "1" && c.Field == "deadline");
        Assert.Equal(5, TaskSeries.Written(draft.Tasks).Count);
    }

    [Fact]
    public void A_renumbered_duty_keeps_its_occurrence_keys_and_so_their_completions()
    {
        var directory = Samples.Directory();
        var stored = PlanImporter.Import(Encoding.UTF8.GetBytes(Plan), "dinh-ky.txt", directory).Plan!;
        var renumbered = Plan.Replace("1\tBáo cáo kết quả", "0\tRà soát hồ sơ\tSở Nội vụ\tQuý I\n1a\tBáo cáo kết quả", StringComparison.Ordinal);
        var built = PlanImporter.Import(Encoding.UTF8.GetBytes(renumbered), "dinh-ky.txt", directory);
        Assert.True(built.IsValid, string.Join("\n", built.Errors.Select(e => e.Describe())));

        var resolved = TaskIdentity.Resolve(built.Plan!, built.KeyedNumbers,
            [.. stored.Tasks.Select(t => new StoredTask(t.Key, t.Number, t.Content, t.Deadline.Due, false) { SeriesKey = t.Series?.Key, SeriesNumber = t.Series?.Number })]);

        var monthly = resolved.Tasks.Where(t => t.Series?.Number == "1a").ToList();
        Assert.Equal(12, monthly.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"0001-2023-{m:D2}"), monthly.Select(t => t.Key));
        Assert.Equal("1a (tháng 01/2023)", monthly[0].Number);
        Assert.Equal("0000", resolved.Tasks[0].Key);
    }
}

/// <summary>Storage is shared by every test: a test that sweeps a whole year runs alone, so it does not slow those that time a host's start.</summary>
[CollectionDefinition(nameof(AloneOnStorage), DisableParallelization = true)]
public sealed class AloneOnStorage;

/// <summary>The recurring plan of <see cref="RecurringDutyTests"/> swept on every working day of its year, against Azurite.</summary>
[Collection(nameof(AloneOnStorage))]
public sealed class RecurringYearSweepTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Plan = RecurringDutyTests.Plan;

    [Fact]
    public async Task A_year_of_sweeps_reminds_every_occurrence_once_on_its_working_day_and_never_the_undated_task()
    {
        var settings = new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() };
        await using var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2022, 12, 28, 2, 0), settings);
        var directory = Samples.Directory();
        await provider.GetRequiredService<AgencyStore>().SaveAsync(directory, Ct);
        var built = PlanImporter.Import(Encoding.UTF8.GetBytes(Plan), "dinh-ky.txt", directory);
        Assert.True(built.IsValid, string.Join("\n", built.Errors.Select(e => e.Describe())));
        var plans = provider.GetRequiredService<PlanStore>();
        await plans.SaveAsync(built.Plan!, Ct);
        await plans.SetStatusAsync(built.Plan!.Id, PlanStatus.Active, Ct);
        var clock = (NodaTime.Testing.FakeClock)provider.GetRequiredService<IClock>();
        var sweep = provider.GetRequiredService<Scheduling.DailySweep>();
        var calendar = provider.GetRequiredService<ReminderRules>().Calendar;

        var dueNotices = new List<(string Task, LocalDate Day)>();
        var told = new List<(string Task, NoticeKind Kind)>();
        var kickoffs = new List<(LocalDate Day, string Agency, string Task)>();
        for (var day = new LocalDate(2023, 1, 1); day <= new LocalDate(2023, 12, 31); day = day.PlusDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                // A day off sends nothing; the next working day's sweep covers it (its window).
                continue;
            }
            clock.Reset(day.At(new LocalTime(8, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant());
            var result = await sweep.RunAsync(day, false, "test", null, Ct);
            Assert.Empty(result.Errors);
            foreach (var notice in result.Digests.SelectMany(d => d.Notices))
            {
                told.Add((notice.TaskKey, notice.Kind));
                if (notice.Kind == NoticeKind.Kickoff)
                {
                    kickoffs.Add((day, result.Digests.Single(d => d.Notices.Contains(notice)).Key.Agency, notice.Task));
                }
                if (notice.Kind == NoticeKind.Due)
                {
                    dueNotices.Add((notice.TaskKey, day));
                }
            }
        }

        var stored = (await plans.GetAsync(built.Plan.Id, Ct))!;
        var occurrences = stored.Tasks.Where(t => t.Series is not null).ToList();
        Assert.Equal(12 + 4 + 2, occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            // Once, on the working day the deadline falls on or the last one before it (19/03/2023 is a Sunday: Friday 17/03).
            var days = dueNotices.Where(n => n.Task == occurrence.Key).Select(n => n.Day).ToList();
            Assert.Equal([calendar.OnOrBefore(occurrence.Deadline.Due)], days);
        }
        Assert.Contains(dueNotices, n => n.Task == "0001-2023-03" && n.Day == new LocalDate(2023, 3, 17));
        // Each quarter's kickoff names the monthly duty once, by its next month, not the quarter's three.
        var monthly = kickoffs.Where(k => TaskSeries.SeriesNumberOf(k.Task) == "1").ToList();
        Assert.Equal(4, monthly.Count);
        Assert.Contains(monthly, k => k.Task == "1 (tháng 04/2023)");
        // The undated task is listed in each quarter's kickoff ("chưa có thời hạn cụ thể"), never reminded of a deadline.
        Assert.Equal([NoticeKind.Kickoff], told.Where(t => t.Task == "0004").Select(t => t.Kind).Distinct());
        Assert.Contains(("0005", NoticeKind.Due), told);
    }
}
