using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.SelfHost;
using Tdkt.Web.Console.Import;

namespace Tdkt.Benchmarks;

/// <summary>
/// The console's Tổng quan (GET /console over HTTP with a signed-in session, one client after another) for a plan of
/// 5,000 tasks held by 500 agencies (two each, 10,000 assignments) on the local host against Azurite: p50/p95/p99 and the
/// page's size; then views right after a change (which read the plan again), and the plan's read alone. The target is
/// p95 under 500 ms.
/// </summary>
public static class ConsoleDashboardBenchmark
{
    private const string Admin = "quantri@example.org";
    private static readonly int Tasks = Bench.Size(5_000, 200);
    private static readonly int AgencyCount = Bench.Size(500, 50);
    private static readonly int Requests = Bench.Size(200, 10);

    public static async Task RunAsync(string root, TextWriter output)
    {
        var seedText = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt"));
        var sample = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, "samples", "agencies", "lang-son.yaml")), "lang-son.yaml").Directory!;
        var seed = PlanImporter.Import(seedText, "seed.txt", sample).Plan!;
        var agencies = new SyntheticData(AgencyCount, 0).Agencies;
        var directory = new AgencyDirectory(agencies);
        LocalDate[] quarterEnds = [new(2023, 3, 31), new(2023, 6, 30), new(2023, 9, 30), new(2023, 12, 31)];
        var tasks = Enumerable.Range(1, Tasks).Select(i =>
        {
            var quarter = (i % 4) + 1;
            var due = i % 3 == 0 ? new LocalDate(2023, 1, 10).PlusDays(i % 350) : quarterEnds[quarter - 1];
            return new PlanTask(i.ToString(CultureInfo.InvariantCulture), $"Nhiệm vụ tổng hợp số {i} về công tác thi đua, khen thưởng năm 2023", (due.Month - 1) / 3 + 1,
                new Deadline(i % 3 == 0 ? DeadlineRule.BeforeDate : DeadlineRule.EndOfQuarter, i % 3 == 0 ? $"trước ngày {due:dd/MM/yyyy}" : $"QUÝ {Quarters.Roman(quarter)}", due),
                new[] { agencies[i % AgencyCount].Id, agencies[(i + 1) % AgencyCount].Id }.ToValueList());
        }).ToValueList();
        var plan = seed with { Id = new PlanId("2023-5000-kh-bench"), Tasks = tasks };

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = "console" + Guid.NewGuid().ToString("N")[..10],
            ["Tdkt:Links:SigningKeys"] = "c1=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Tdkt:Console:FirstAdmin"] = Admin,
        }).Build();
        // Mid-year, so every category has work: done (none yet), overdue, in time.
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2023, 6, 15, 1, 0));
        await using var host = await SelfHostedWeb.StartAsync(configuration, 0, Guid.NewGuid().ToString("N"), s => s.AddSingleton<IClock>(clock));
        var services = host.Services;
        await services.GetRequiredService<AgencyStore>().SaveAsync(directory, CancellationToken.None);
        var store = services.GetRequiredService<PlanStore>();
        var saving = Stopwatch.StartNew();
        await store.SaveAsync(plan, CancellationToken.None);
        await store.SetStatusAsync(plan.Id, PlanStatus.Active, CancellationToken.None);
        saving.Stop();

        // A month of mail as 500 agencies would have it: one daily digest each per working day of the 31 days before today, one in 50 failed.
        var mailDays = await SeedOutboxAsync(services, agencies, new LocalDate(2023, 6, 15), CancellationToken.None);

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Address };
        var token = await services.GetRequiredService<SignInLinks>().CreateAsync(Admin, CancellationToken.None)
            ?? throw new InvalidOperationException("the first administrator was not added");
        using var signIn = await http.PostAsync($"console/signin/{token}", null);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var bytes = 0;
        async Task<double> GetAsync() => await TimedAsync("console", $"Kế hoạch số {plan.Number}");
        async Task<double> TimedAsync(string path, string expected)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            var ms = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode || !System.Net.WebUtility.HtmlDecode(html).Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without “{expected}”");
            }
            if (path == "console")
            {
                bytes = html.Length;
            }
            return ms;
        }

        for (var i = 0; i < 5; i++)
        {
            await GetAsync();
        }
        var latencies = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            latencies.Add(await GetAsync());
        }
        // Right after a change (a completion recorded by letter), the next view reads the plan again.
        var completion = services.GetRequiredService<Tdkt.Completion.AdminCompletion>();
        var afterChange = new List<double>();
        for (var i = 1; i <= Math.Min(Requests, 20); i++)
        {
            var done = await completion.CompleteAsync(new Tdkt.Completion.AdminCompleteRequest(plan.Id.Value, i.ToString(CultureInfo.InvariantCulture),
                agencies[i % AgencyCount].Id.Value, null, "bench", null), CancellationToken.None);
            if (done.Result != Tdkt.Completion.AdminCompleteResult.Recorded)
            {
                throw new InvalidOperationException(done.Message);
            }
            afterChange.Add(await GetAsync());
        }

        // The part that reads storage, alone (in process): the plan's one partition read that the report and the lists share.
        var reports = services.GetRequiredService<Tdkt.Reports.PlanReports>();
        var reads = new List<double>();
        for (var i = 0; i < Math.Min(Requests, 50); i++)
        {
            var watch = Stopwatch.StartNew();
            await reports.ComputeAsync(plan.Id, null, _ => { }, CancellationToken.None);
            reads.Add(watch.Elapsed.TotalMilliseconds);
        }
        // The import preview's forecast of the first three working weeks for this plan (stored, so completions are read too), as the page builds it.
        var forecast = services.GetRequiredService<ConsoleImportForecast>();
        var forecasts = new List<double>();
        var forecastDays = 0;
        for (var i = 0; i < Math.Min(Requests, 20); i++)
        {
            var watch = Stopwatch.StartNew();
            forecastDays = (await forecast.BuildAsync(plan, directory, CancellationToken.None)).Count;
            forecasts.Add(watch.Elapsed.TotalMilliseconds);
        }
        // Thư: the month counted day by day with the failed ones listed, and one day's sent digests.
        var failedMail = mailDays.Sum(d => d.Failed);
        var mailPages = new List<double>();
        var mailDay = new List<double>();
        var busiest = mailDays[0];
        for (var i = 0; i < Math.Min(Requests, 20); i++)
        {
            mailPages.Add(await TimedAsync("console/mail", $"{failedMail} thư không gửi được trong 31 ngày qua"));
            mailDay.Add(await TimedAsync($"console/mail?day={busiest.Date:yyyy-MM-dd}&status=sent", $"{busiest.Sent} thư đã gửi ngày {busiest.Date:dd/MM/yyyy}"));
        }
        var sorted = latencies.Order().ToList();
        double At(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        Line(output, "console_dashboard_tasks", Tasks, "tasks");
        Line(output, "console_dashboard_agencies", AgencyCount, "agencies");
        Line(output, "console_dashboard_assignments", Tasks * 2, "assignments");
        Line(output, "console_dashboard_plan_save", saving.Elapsed.TotalSeconds, "s");
        Line(output, "console_dashboard_requests", Requests, "requests");
        Line(output, "console_dashboard_p50", At(0.50), "ms");
        Line(output, "console_dashboard_p95", At(0.95), "ms");
        Line(output, "console_dashboard_p99", At(0.99), "ms");
        Line(output, "console_dashboard_html", bytes / 1024.0, "KB");
        Line(output, "console_dashboard_after_change_p50", afterChange.Order().ElementAt(afterChange.Count / 2), "ms");
        Line(output, "console_dashboard_after_change_max", afterChange.Max(), "ms");
        Line(output, "console_dashboard_plan_read_p50", reads.Order().ElementAt(reads.Count / 2), "ms");
        Line(output, "console_import_forecast_days", forecastDays, "days");
        Line(output, "console_import_forecast_p50", forecasts.Order().ElementAt(forecasts.Count / 2), "ms");
        Line(output, "console_import_forecast_max", forecasts.Max(), "ms");
        Line(output, "console_mail_digests", mailDays.Sum(d => d.Sent + d.Failed), "digests");
        Line(output, "console_mail_days", mailDays.Count, "days");
        Line(output, "console_mail_month_p50", mailPages.Order().ElementAt(mailPages.Count / 2), "ms");
        Line(output, "console_mail_month_max", mailPages.Max(), "ms");
        Line(output, "console_mail_one_day_p50", mailDay.Order().ElementAt(mailDay.Count / 2), "ms");
        Line(output, "console_mail_one_day_max", mailDay.Max(), "ms");
    }

    private static async Task<IReadOnlyList<(LocalDate Date, int Sent, int Failed)>> SeedOutboxAsync(IServiceProvider services, IReadOnlyList<Agency> agencies,
        LocalDate today, CancellationToken cancellationToken)
    {
        var table = await services.GetRequiredService<Tdkt.Storage.StorageTables>().GetAsync(Tdkt.Storage.StorageTables.Outbox, cancellationToken);
        var days = new List<(LocalDate, int, int)>();
        for (var date = today.PlusDays(-30); date <= today; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                continue;
            }
            var failed = 0;
            var rows = agencies.Select((a, i) =>
            {
                var fails = (i + date.Day) % 50 == 0;
                failed += fails ? 1 : 0;
                var row = new Azure.Data.Tables.TableEntity(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "daily~" + a.Id.Value)
                {
                    ["Kind"] = "Daily", ["Agency"] = a.Id.Value, ["Status"] = fails ? "failed" : "sent", ["To"] = a.Id.Value + "@example.org", ["Cc"] = "",
                    ["Items"] = 3, ["Attempts"] = fails ? 5 : 1, ["Payload"] = "{}", ["CreatedAt"] = DateTimeOffset.UnixEpoch,
                };
                if (fails)
                {
                    row["LastError"] = "Đã thử 5 lần: Chưa gửi được qua SMTP mail.example.org:25: Connection refused";
                }
                return row;
            }).ToList();
            foreach (var batch in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(batch.Select(r => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, r)), cancellationToken);
            }
            days.Add((date, rows.Count - failed, failed));
        }
        days.Reverse();
        return days;
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
