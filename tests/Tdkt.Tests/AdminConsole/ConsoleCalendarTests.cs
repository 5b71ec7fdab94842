using System.Net;
using Tdkt.Administration;
using Tdkt.Calendar;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Lịch over real HTTP against Azurite: a year's working calendar; an administrator records the announced days off
/// (an error is shown at what was typed and nothing changes), the day stops being a working day for the sweep; a
/// viewer sees the calendar and its change is refused.
/// </summary>
public sealed class ConsoleCalendarTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_records_the_announced_days_off_and_the_next_sweep_follows_them()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        var page = WebUtility.HtmlDecode(await admin.PageAsync("console/calendar?year=2023"));
        Assert.Contains("Lịch làm việc năm 2023:", page, StringComparison.Ordinal);
        Assert.Contains("Số ngày làm việc trong năm: 249.", page, StringComparison.Ordinal);
        var csrf = ConsoleBrowser.CsrfIn(page);

        // A day that does not exist: the error names it, nothing is stored.
        using (var bad = await admin.PostAsync("console/calendar", ("csrf", csrf), ("year", "2023"), ("off", "2023-01-02\n2023-02-30"), ("worked", ""), ("note", "")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Ngày nghỉ: ", html, StringComparison.Ordinal);
            Assert.Contains("2023-02-30", html, StringComparison.Ordinal);
            Assert.Contains("chưa được ghi (1 lỗi): không có gì thay đổi", html, StringComparison.Ordinal);
        }
        Assert.Empty(await web.Get<CalendarStore>().ListAsync(Ct));

        // The year's announcement, with 24/03/2023 off: recorded with who and why; the sweep of that day sends nothing.
        using (var set = await admin.PostAsync("console/calendar", ("csrf", csrf), ("year", "2023"),
            ("off", "2023-01-02\n2023-01-20..2023-01-26\n2023-03-24\n2023-04-29..2023-05-03\n2023-09-01..2023-09-04"), ("worked", ""), ("note", "Thông báo thử")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, set.StatusCode);
            var back = WebUtility.HtmlDecode(await admin.PageAsync(set.Headers.Location!.ToString()));
            Assert.Contains("Đã ghi lịch năm 2023:", back, StringComparison.Ordinal);
            Assert.Contains("số ngày làm việc 249 → 248", back, StringComparison.Ordinal);
            Assert.Contains("theo thông báo đã ghi", back, StringComparison.Ordinal);
            Assert.Contains($"bởi {Admin}; căn cứ: Thông báo thử", back, StringComparison.Ordinal);
            Assert.Contains("<li>Thứ Sáu, 24/03/2023</li>", back, StringComparison.Ordinal);
            Assert.Contains("action=\"/console/calendar/reset\"", back, StringComparison.Ordinal);
        }
        var sweep = await web.Get<Scheduling.DailySweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), true, "test", null, Ct);
        Assert.False(sweep.WorkingDay);

        // A viewer sees the calendar without the form; its change is refused.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync("lanhdao@example.org");
        var seen = await viewer.PageAsync("console/calendar?year=2023");
        Assert.DoesNotContain("Ghi lịch năm", seen, StringComparison.Ordinal);
        using var refused = await viewer.PostAsync("console/calendar", ("csrf", ConsoleBrowser.CsrfIn(seen)), ("year", "2023"), ("off", "2023-01-02"), ("worked", ""));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Thông báo thử", Assert.Single(await web.Get<CalendarStore>().ListAsync(Ct)).Note);
        using (var viewerReset = await viewer.PostAsync("console/calendar/reset", ("csrf", ConsoleBrowser.CsrfIn(seen)), ("year", "2023")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, viewerReset.StatusCode);
        }

        // Reset: the built-in calendar again, 24/03/2023 a working day again; a second reset says there is nothing to undo.
        using (var reset = await admin.PostAsync("console/calendar/reset", ("csrf", csrf), ("year", "2023")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(reset.Headers.Location!.ToString()));
            Assert.Contains("Đã bỏ lịch đã ghi của năm 2023", back, StringComparison.Ordinal);
            Assert.Contains("số ngày làm việc 248 → 249", back, StringComparison.Ordinal);
            Assert.DoesNotContain("<li>Thứ Sáu, 24/03/2023</li>", back, StringComparison.Ordinal);
            Assert.DoesNotContain("/console/calendar/reset", back, StringComparison.Ordinal);
        }
        Assert.Empty(await web.Get<CalendarStore>().ListAsync(Ct));
        Assert.True((await web.Get<Scheduling.DailySweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), true, "test", null, Ct)).WorkingDay);
        using (var again = await admin.PostAsync("console/calendar/reset", ("csrf", csrf), ("year", "2023")))
        {
            Assert.Contains("Năm 2023 chưa có lịch nào được ghi: không có gì thay đổi.", WebUtility.HtmlDecode(await admin.PageAsync(again.Headers.Location!.ToString())),
                StringComparison.Ordinal);
        }
        // The console's trail has the set and the one reset that changed something, with who; not the refused or empty ones.
        var trail = (await web.Get<AdminUsers>().AuditTrailAsync(20, Ct)).Where(a => a.Action.StartsWith("calendar-", StringComparison.Ordinal)).ToList();
        // (The test's clock stands still, so the two rows' order is not the point.)
        Assert.Equal([("calendar-reset", "2023", Admin), ("calendar-set", "2023", Admin)], trail.Select(a => (a.Action, a.Subject, a.By)).Order());
        Assert.Contains("ghi lịch làm việc", WebUtility.HtmlDecode(await admin.PageAsync("console/users")), StringComparison.Ordinal);
    }
}
