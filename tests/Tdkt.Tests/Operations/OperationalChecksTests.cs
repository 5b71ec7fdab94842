using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Scheduling;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Operations;

/// <summary>
/// What the alerts watch, seen without Azure: after 10:00 on a working day with no sweep record, and with mail not
/// sent, <c>tdkt status</c> and the health route say so in Vietnamese; once the sweep has run they stop.
/// </summary>
public sealed class OperationalChecksTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_working_day_without_a_sweep_by_10_00_and_a_digest_not_sent_are_said_by_status_and_health()
    {
        var prefix = TestHost.UniquePrefix();
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix });
        var cli = new Tdkt.Cli.CliHost(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt:Storage:Prefix"] = prefix,
        }).Build()).WithClock(web.Clock);

        // Friday 24/03/2023, 09:30 in Vietnam: not yet due. 10:30: due, and no sweep has run.
        web.Clock.Reset(Instant.FromUtc(2023, 3, 24, 2, 30));
        var early = await HealthAsync(web);
        web.Clock.Reset(Instant.FromUtc(2023, 3, 24, 3, 30));
        var late = await HealthAsync(web);
        var status = await StatusAsync(cli);
        var json = await StatusAsync(cli, "--json");

        Assert.Empty(early);
        var missing = Assert.Single(late);
        Assert.StartsWith("Chưa quét nhắc việc hôm nay (Thứ Sáu, 24/03/2023): đến 10:30 chưa có lần quét nào", missing, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo: Chưa quét nhắc việc hôm nay (Thứ Sáu, 24/03/2023)", status, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("sweep-missing", document.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString());
        }

        // The sweep runs; one digest then fails for good (a rejected address).
        await web.Get<DailySweep>().RunTodayAsync(SweepTriggers.Timer, Ct);
        var outbox = web.Get<OutboxStore>();
        var entry = (await outbox.ListAsync(new LocalDate(2023, 3, 24), Ct)).First(e => e.Key.Agency == "so-tai-chinh");
        Assert.True(await outbox.MarkFailedAsync((await outbox.TryLeaseAsync(entry, Ct))!, "Địa chỉ thư “so-tai-chinh@example.org” bị máy chủ từ chối (550).", Ct));
        // The anonymous answer is kept a minute (one check for every caller in between): the same until then.
        web.Clock.Advance(Duration.FromSeconds(59));
        Assert.Equal(late, await HealthAsync(web));
        web.Clock.Advance(Duration.FromSeconds(1));
        var afterSweep = await HealthAsync(web);
        var statusAfter = await StatusAsync(cli);

        var failed = Assert.Single(afterSweep);
        Assert.Equal("1 thư không gửi được trong 14 ngày qua (tdkt outbox list --status failed)", failed);
        // The anonymous health answer has the summary only; the administrator's status has the cause too.
        Assert.DoesNotContain("@example.org", failed, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo: 1 thư không gửi được trong 14 ngày qua (tdkt outbox list --status failed); lần gần nhất: Địa chỉ thư “so-tai-chinh@example.org” bị máy chủ từ chối (550).",
            statusAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa quét nhắc việc", statusAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_waiting_more_than_two_hours_of_real_time_is_said_and_a_day_off_needs_no_sweep()
    {
        await using var web = await WebScenario.StartAsync(services);
        // Saturday 25/03/2023 at 11:00: a day off, no sweep due.
        web.Clock.Reset(Instant.FromUtc(2023, 3, 25, 4, 0));
        var dayOff = await HealthAsync(web);
        web.Clock.Reset(Instant.FromUtc(2023, 3, 24, 1, 0));
        await web.Get<DailySweep>().RunTodayAsync(SweepTriggers.Timer, Ct);
        var checks = web.Get<Tdkt.Operations.OperationalChecks>();
        var fresh = await checks.RunAsync(Ct);

        // The same digests, looked at by a clock three hours of real time later (nothing dispatched them).
        var threeHoursOn = new ShiftedTime();
        threeHoursOn.Advance(TimeSpan.FromHours(3));
        var later = new Tdkt.Operations.OperationalChecks(web.Get<SweepRuns>(), web.Get<OutboxStore>(), web.Get<ReminderRules>(),
            web.Get<VietnamClock>(), threeHoursOn, web.Get<Tdkt.Plans.PlanStore>());
        var waiting = await later.RunAsync(Ct);

        Assert.Empty(dayOff);
        Assert.Empty(fresh);
        var alarm = Assert.Single(waiting);
        Assert.Equal(("digests-waiting", "7 thư chờ gửi quá 2 giờ (kiểm tra hàm Dispatch và cấu hình gửi thư)"), (alarm.Code, alarm.Summary));
    }

    [Fact]
    public async Task A_plan_whose_import_was_cut_off_is_said_in_health_status_and_the_dashboard_until_it_is_imported_again()
    {
        await using var web = await WebScenario.StartAsync(services, AdminConsole.ConsoleSignInTests.FirstAdmin);
        // Saturday: no sweep due, so the only warning is the plan's. The import died: marked pending, its lease run out.
        web.Clock.Reset(Instant.FromUtc(2023, 3, 25, 4, 0));
        var plans = await web.Get<Tdkt.Storage.StorageTables>().GetAsync(Tdkt.Storage.StorageTables.Plans, Ct);
        await plans.UpdateEntityAsync(new Azure.Data.Tables.TableEntity("plan", web.Plan.Id.Value)
        {
            ["Pending"] = true, ["ImportId"] = "da-chet", ["ImportLeaseUntil"] = DateTimeOffset.UtcNow.AddMinutes(-5),
        }, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, Ct);

        var health = await HealthAsync(web);
        using var admin = new AdminConsole.ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");
        var dashboard = System.Net.WebUtility.HtmlDecode(await admin.PageAsync("console"));

        var warning = Assert.Single(health);
        Assert.StartsWith("Kế hoạch số 252/KH-UBND: lần nhập gần nhất chưa xong nên kế hoạch chưa được nhắc việc", warning, StringComparison.Ordinal);
        Assert.Contains("nhập lại tệp kế hoạch", warning, StringComparison.Ordinal);
        Assert.Contains("Nhập chưa xong (chưa nhắc việc): nhập lại tệp kế hoạch", dashboard, StringComparison.Ordinal);

        // An import running now (its lease ahead) is no alarm: it is under way.
        await plans.UpdateEntityAsync(new Azure.Data.Tables.TableEntity("plan", web.Plan.Id.Value) { ["ImportLeaseUntil"] = DateTimeOffset.UtcNow.AddMinutes(2) },
            Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, Ct);
        Assert.Empty(await web.Get<Tdkt.Operations.OperationalChecks>().RunAsync(Ct));
    }

    private static async Task<IReadOnlyList<string>> HealthAsync(WebScenario web)
    {
        using var response = await web.Http.GetAsync("api/health", Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
    }

    private static async Task<string> StatusAsync(Tdkt.Cli.CliHost host, params string[] more)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await Tdkt.Cli.TdktCommand.RunAsync(["status", .. more], output, error, host));
        return output.ToString();
    }
}
