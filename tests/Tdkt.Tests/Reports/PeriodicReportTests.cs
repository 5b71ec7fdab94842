using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reports.Official;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Reports;

/// <summary>The report mailed to Sở Nội vụ after each period, over SMTP to smtp4dev: once per period, also after downtime, never again on a re-run.</summary>
public sealed class PeriodicReportTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string sender = $"bao-cao-{Guid.NewGuid():N}"[..22] + "@example.org";

    private Dictionary<string, string?> Settings() => services.Smtp4dev.MailSettings(sender);

    [Fact]
    public async Task After_the_quarter_the_report_reaches_So_Noi_vu_once_with_the_docx_attached_and_not_again_on_a_rerun()
    {
        await using var scenario = await ReminderScenario.StartAsync(services, settings: Settings());
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-01-10");

        var before = await scenario.RunAsync("2023-03-31");
        var first = await scenario.RunAsync("2023-04-03");
        var again = await scenario.RunAsync("2023-04-03");
        var later = await scenario.RunAsync("2023-04-04");
        var sent = (await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct)).Sent
            + (await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct)).Sent;

        Assert.Empty(before.Reports);
        var mail = Assert.Single(first.Reports);
        Assert.Equal(("2023-04-03/report/so-noi-vu", "2023-252-kh-ubnd", "quarter"), (mail.Key.Value, mail.Reports.Single().Plan, mail.Reports.Single().Kind));
        Assert.Empty(again.Reports);
        Assert.Empty(later.Reports);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        // Every message sent (the two days' digests and the report) has reached smtp4dev before it is looked at.
        var reports = (await inbox.MessagesFromAsync(sender, atLeast: sent, timeout: TimeSpan.FromSeconds(30)))
            .Where(m => m.ApiSubject.Contains("Dự thảo báo cáo", StringComparison.Ordinal)).ToList();
        var received = Assert.Single(reports).Message;
        Assert.Equal("[TĐKT 2023] Dự thảo báo cáo quý I năm 2023: Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023",
            received.Subject);
        Assert.Equal(["so-noi-vu@example.org"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("Kính gửi: Sở Nội vụ", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("101 lượt nhiệm vụ: hoàn thành đúng hạn 1, hoàn thành quá hạn 0", received.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments.OfType<MimePart>());
        Assert.Equal(("bao-cao-2023-252-kh-ubnd-2023-q1.docx", OfficialReportDocx.ContentType), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Ct);
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.Contains("Kết quả thực hiện Kế hoạch số 252/KH-UBND", xml, StringComparison.Ordinal);
        Assert.Contains("ngày 03 tháng 4 năm 2023", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_the_sweep_lists_the_report_it_would_send_and_writes_nothing()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var env = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        };

        var text = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "sweep", "--date", "2023-04-03", "--dry-run");
        var json = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "sweep", "--date", "2023-04-03", "--dry-run", "--json");

        Assert.Contains("1 báo cáo định kỳ; chạy thử, chưa ghi gì", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("- Báo cáo định kỳ gửi Sở Nội vụ <so-noi-vu@example.org> (ngày 03/04/2023): 2023-252-kh-ubnd", text.StdOut, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.StdOut);
        var report = Assert.Single(document.RootElement.GetProperty("reports").EnumerateArray());
        Assert.Equal("2023-04-03/report/so-noi-vu", report.GetProperty("key").GetString());
        Assert.Empty(await scenario.Outbox.ListAsync(new NodaTime.LocalDate(2023, 4, 3), Ct));
    }

    [Fact]
    public async Task A_monthly_report_missed_while_the_host_was_down_is_sent_on_the_next_sweep_under_its_own_day_once_and_off_sends_none()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var lifecycle = scenario.Provider.GetRequiredService<PlanLifecycle>();
        Assert.Equal(PlanChangeResult.Done, (await lifecycle.SetReportScheduleAsync("2023-252-kh-ubnd", "monthly", Ct)).Result);
        Assert.Equal(PlanChangeResult.Refused, (await lifecycle.SetReportScheduleAsync("2023-252-kh-ubnd", "weekly", Ct)).Result);

        // April ends; 29/04-03/05 are days off, so the report's day is Thursday 04/05. The host was down until Monday 08/05.
        var caughtUp = await scenario.RunAsync("2023-05-08");
        var next = await scenario.RunAsync("2023-05-09");
        await lifecycle.SetReportScheduleAsync("2023-252-kh-ubnd", "off", Ct);
        var off = await scenario.RunAsync("2023-06-01");

        var mail = Assert.Single(caughtUp.Reports);
        Assert.Equal(("2023-05-04/report/so-noi-vu", "month", new NodaTime.LocalDate(2023, 4, 1)), (mail.Key.Value, mail.Reports.Single().Kind, mail.Reports.Single().Start));
        Assert.Equal(1, (await scenario.Outbox.ListAsync(new NodaTime.LocalDate(2023, 5, 4), Ct)).Count(e => e.Key.Kind == DigestKind.Report));
        Assert.Empty(next.Reports);
        Assert.Empty(off.Reports);
    }
}
