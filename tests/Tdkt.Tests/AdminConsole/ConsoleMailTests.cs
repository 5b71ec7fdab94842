using System.Globalization;
using System.Net;
using Tdkt.Administration;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Console.Mail;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Thư over real HTTP: the day's digests failed against an SMTP port where nothing listens; the page lists them with why
/// in plain words, shows one as the agency would receive it under a sandboxing policy, and an administrator retries it once.
/// </summary>
public sealed class ConsoleMailTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_digests_are_listed_with_why_viewed_as_received_without_scripts_and_retried_once()
    {
        await using var web = await FailedDayAsync();
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        var page = WebUtility.HtmlDecode(await admin.PageAsync("console/mail"));
        Assert.Contains("7 thư không gửi được trong 31 ngày qua.", page, StringComparison.Ordinal);
        Assert.Contains("Không kết nối được máy chủ gửi thư", page, StringComparison.Ordinal);
        Assert.Contains("<td>Sở Nội vụ</td>", page, StringComparison.Ordinal);

        // Day by day: the day's seven failures link to that day's list; another day holds none; a day not in range lists them all.
        Assert.Matches(@"<a href=""/console/mail\?day=2023-03-24&status=failed"" class=""failed"">7</a>", page);
        var day = WebUtility.HtmlDecode(await admin.PageAsync("console/mail?day=2023-03-24&status=failed"));
        Assert.Contains("7 thư không gửi được ngày 24/03/2023.", day, StringComparison.Ordinal);
        Assert.Contains(@"<option value=""2023-03-24"" selected>", day, StringComparison.Ordinal);
        Assert.Contains("0 thư đã gửi ngày 24/03/2023.", WebUtility.HtmlDecode(await admin.PageAsync("console/mail?day=2023-03-24&status=sent")), StringComparison.Ordinal);
        var quiet = WebUtility.HtmlDecode(await admin.PageAsync("console/mail?day=2023-03-23"));
        Assert.Contains("0 thư không gửi được ngày 23/03/2023.", quiet, StringComparison.Ordinal);
        Assert.Contains(@"<option value=""2023-03-23"" selected>", quiet, StringComparison.Ordinal);
        Assert.Contains("7 thư không gửi được trong 31 ngày qua.", WebUtility.HtmlDecode(await admin.PageAsync("console/mail?day=2024-13-01")), StringComparison.Ordinal);

        // As the agency would receive it: the digest's own HTML, under a policy that runs and fetches nothing.
        using (var view = await admin.GetAsync("console/mail/view?key=" + Uri.EscapeDataString("2023-03-24/daily/so-noi-vu")))
        {
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
            var policy = view.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("sandbox", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            var html = WebUtility.HtmlDecode(await view.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Kính gửi: Sở Nội vụ", html, StringComparison.Ordinal);
            Assert.Matches(@"/api/a/[A-Za-z0-9._~-]{20,}", html);
        }

        // A viewer reads the same digest with the agency's links masked: a working link would let them act as the agency.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using (var viewer = new ConsoleBrowser(web))
        {
            await viewer.SignInAsAsync("lanhdao@example.org");
            using var masked = await viewer.GetAsync("console/mail/view?key=" + Uri.EscapeDataString("2023-03-24/daily/so-noi-vu"));
            var html = WebUtility.HtmlDecode(await masked.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
            Assert.Contains("Kính gửi: Sở Nội vụ", html, StringComparison.Ordinal);
            Assert.Contains("/api/a/(ẩn: chỉ quản trị viên xem đường dẫn của cơ quan)", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"/api/(a|cal)/[A-Za-z0-9._~-]{20,}", html);
        }

        // Retried once: it is pending again; a second retry says why not.
        var csrf = ConsoleBrowser.CsrfIn(page);
        using (var retried = await admin.PostAsync("console/mail/retry", ("csrf", csrf), ("key", "2023-03-24/daily/so-noi-vu"), ("day", "2023-03-24")))
        {
            Assert.StartsWith("/console/mail?status=failed&day=2023-03-24", retried.Headers.Location!.ToString(), StringComparison.Ordinal);
            var back = WebUtility.HtmlDecode(await admin.PageAsync(retried.Headers.Location!.ToString()));
            Assert.Contains("Thư 2023-03-24/daily/so-noi-vu sẽ được gửi lại ở lượt gửi tới.", back, StringComparison.Ordinal);
            Assert.Contains("6 thư không gửi được", back, StringComparison.Ordinal);
        }
        using (var again = await admin.PostAsync("console/mail/retry", ("csrf", csrf), ("key", "2023-03-24/daily/so-noi-vu")))
        {
            Assert.Contains("k=warn", again.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(Tdkt.Outbox.OutboxStatus.Pending,
            (await web.Get<Tdkt.Outbox.OutboxStore>().GetAsync(DigestKey.Parse("2023-03-24/daily/so-noi-vu"), Ct))!.Status);

        // The rest of the day's failures at once, from the day's list; a second press finds nothing left to send again.
        var dayList = WebUtility.HtmlDecode(await admin.PageAsync("console/mail?day=2023-03-24&status=failed"));
        Assert.Contains("Gửi lại 6 thư không gửi được của ngày này", dayList, StringComparison.Ordinal);
        using (var all = await admin.PostAsync("console/mail/retry-day", ("csrf", csrf), ("day", "2023-03-24")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(all.Headers.Location!.ToString()));
            Assert.Contains("6 thư không gửi được ngày 24/03/2023 sẽ được gửi lại ở lượt gửi tới.", back, StringComparison.Ordinal);
            Assert.Contains("0 thư không gửi được ngày 24/03/2023.", back, StringComparison.Ordinal);
            Assert.DoesNotContain("Gửi lại 0 thư", back, StringComparison.Ordinal);
        }
        using (var none = await admin.PostAsync("console/mail/retry-day", ("csrf", csrf), ("day", "2023-03-24")))
        {
            Assert.Contains("k=warn", none.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var outOfRange = await admin.PostAsync("console/mail/retry-day", ("csrf", csrf), ("day", "2022-01-01")))
        {
            Assert.Contains(Uri.EscapeDataString("chọn một ngày trong 31 ngày qua"), outOfRange.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(7, (await web.Get<Tdkt.Outbox.OutboxStore>().ListByStatusAsync(Tdkt.Outbox.OutboxStatus.Pending, new NodaTime.LocalDate(2023, 3, 24), 0, Ct)).Count);
        // Both are audited with who asked, and Người dùng reads them in words.
        var audit = await web.Get<Tdkt.Administration.AdminUsers>().AuditTrailAsync(20, Ct);
        Assert.Contains(audit, a => a is { Action: "mail-retry", Subject: "2023-03-24/daily/so-noi-vu", By: Admin });
        Assert.Single(audit, a => a is { Action: "mail-retry-day", Subject: "2023-03-24", Detail: "6 thư", By: Admin });
        Assert.Contains("gửi lại các thư không gửi được trong ngày", WebUtility.HtmlDecode(await admin.PageAsync("console/users")), StringComparison.Ordinal);

        // Without a session, neither the list nor a digest answers.
        using var stranger = new ConsoleBrowser(web);
        using var list = await stranger.GetAsync("console/mail");
        using var digest = await stranger.GetAsync("console/mail/view?key=2023-03-24/daily/so-noi-vu");
        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (list.StatusCode, digest.StatusCode));
    }

    [Fact]
    public async Task The_command_line_sends_a_days_failed_digests_again_as_the_console_does()
    {
        await using var web = await FailedDayAsync();
        var storage = web.Get<Microsoft.Extensions.Options.IOptions<Tdkt.Storage.StorageOptions>>().Value;
        var env = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = storage.ConnectionString!,
            ["Tdkt__Storage__Prefix"] = storage.Prefix,
        };

        var both = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "outbox", "retry", "2023-03-24/daily/so-noi-vu", "--day", "2023-03-24");
        var badDay = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "outbox", "retry", "--day", "24/03/2023");
        var all = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "outbox", "retry", "--day", "2023-03-24");
        var again = await Tdkt.Tests.Cli.CliInProcess.RunAsync(env, "outbox", "retry", "--day", "2023-03-24");

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("không ghi cả hai", both.StdErr, StringComparison.Ordinal);
        Assert.Equal((2, "tdkt: --day “24/03/2023” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-24."), (badDay.ExitCode, badDay.StdErr.Trim()));
        Assert.Equal((0, "7 thư không gửi được ngày 24/03/2023 sẽ được gửi lại ở lượt gửi tới."), (all.ExitCode, all.StdOut.Trim()));
        Assert.Equal((2, "tdkt: Ngày 24/03/2023 không có thư không gửi được nào gửi lại được: không có gì thay đổi."), (again.ExitCode, again.StdErr.Trim()));
        Assert.Equal(7, (await web.Get<Tdkt.Outbox.OutboxStore>().ListByStatusAsync(Tdkt.Outbox.OutboxStatus.Pending, new NodaTime.LocalDate(2023, 3, 24), 0, Ct)).Count);
    }

    [Fact]
    public async Task Two_retries_of_the_same_day_at_once_send_each_digest_again_once()
    {
        await using var web = await FailedDayAsync();
        var retry = web.Get<DigestRetry>();

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => retry.RetryDayAsync(new NodaTime.LocalDate(2023, 3, 24), Ct), Ct)));

        // Each digest is reset by one of them only (the other finds it changed), so the next dispatch sends it once.
        Assert.Equal(7, both.Sum(b => b.Retried));
        Assert.Equal(7, (await web.Get<Tdkt.Outbox.OutboxStore>().ListByStatusAsync(Tdkt.Outbox.OutboxStatus.Pending, new NodaTime.LocalDate(2023, 3, 24), 0, Ct)).Count);
    }

    /// <summary>24/03/2023's seven digests, all failed once against an SMTP port where nothing listens, with no attempt left.</summary>
    private async Task<WebScenario> FailedDayAsync()
    {
        var settings = new Dictionary<string, string?>(ConsoleSignInTests.FirstAdmin)
        {
            ["Tdkt:Mail:Channel"] = "Smtp",
            ["Tdkt:Mail:From"] = "nhac-viec@example.org",
            ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
            ["Tdkt:Mail:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Tdkt:Mail:MaxAttempts"] = "1",
        };
        var web = await WebScenario.StartAsync(services, settings);
        try
        {
            await web.Get<ReminderSweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", Ct);
            Assert.Equal(7, (await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct)).Failed);
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    [Theory]
    [InlineData("Chưa gửi được qua SMTP 127.0.0.1:45501: Connection refused", "Không kết nối được máy chủ gửi thư")]
    [InlineData("Chưa gửi được qua SMTP 10.0.5.50:40129: Connection refused", "Không kết nối được máy chủ gửi thư")]
    [InlineData("Máy chủ SMTP từ chối thư (550): 5.1.1 <x@example.org>: mailbox unavailable", "Địa chỉ người nhận không tồn tại")]
    [InlineData("Máy chủ SMTP từ chối thư (552): message exceeds fixed maximum", "Thư quá lớn")]
    [InlineData("ACS trả 429 Too Many Requests", "Nhà cung cấp thư giới hạn số thư")]
    [InlineData("ACS trả 401", "Máy chủ gửi thư từ chối đăng nhập")]
    [InlineData("ACS trả 500: lỗi nội bộ", "Máy chủ gửi thư trả lời lỗi.")]
    public void Why_reads_the_status_code_not_the_port_or_address_the_message_names(string error, string expected)
    {
        var why = ConsoleMailPage.Why(error);
        Assert.StartsWith(expected, why, StringComparison.Ordinal);
        Assert.EndsWith($"(Trả lời của máy chủ: {error})", why, StringComparison.Ordinal);
    }
}
