using System.Net;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Kế hoạch over real HTTP against Azurite: one plan's assignments by agency with status and filters; an administrator
/// records a completion an agency reported by letter, the page, its history, the dashboard and the report follow; a
/// reopening needs a reason; a viewer's change is refused by the server.
/// </summary>
public sealed class ConsolePlanTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private const string Agency = "so-noi-vu";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_completion_reported_by_letter_is_recorded_from_the_plan_page_and_the_dashboard_and_report_follow()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var plan = web.Plan.Id.Value;
        var before = await DoneOnTimeAsync(admin);

        var page = WebUtility.HtmlDecode(await admin.PageAsync($"console/plans/{plan}?agency={Agency}"));
        Assert.Contains("<h3>Sở Nội vụ</h3>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Hội đồng Thi đua - Khen thưởng tỉnh</h3>", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 1</span><span class=\"status\" data-status=\"open-in-time\"", page, StringComparison.Ordinal);

        using (var recorded = await admin.PostAsync($"console/plans/{plan}/complete", ("csrf", ConsoleBrowser.CsrfIn(page)), ("task", "1"), ("agency", Agency),
            ("on", "2023-03-22"), ("by", "Nguyễn Văn Bình"), ("note", "Công văn số 45/SNV")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, recorded.StatusCode);
            var back = WebUtility.HtmlDecode(await admin.PageAsync(recorded.Headers.Location!.ToString()));
            Assert.Contains("Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ số 1 ngày 22/03/2023 (đúng hạn", back, StringComparison.Ordinal);
            Assert.Contains("Nhiệm vụ 1</span><span class=\"status\" data-status=\"done-on-time\"", back, StringComparison.Ordinal);
            Assert.Contains("Hoàn thành ngày 22/03/2023, quantri@example.org: Người báo cáo: Nguyễn Văn Bình. Công văn số 45/SNV (quản trị ghi nhận)", back, StringComparison.Ordinal);
            Assert.Contains("ghi nhận hoàn thành, quantri@example.org", back, StringComparison.Ordinal);
        }
        // A message put in a crafted link is not shown: only what the server sealed for this session.
        var crafted = WebUtility.HtmlDecode(await admin.PageAsync($"console/plans/{plan}?m={Uri.EscapeDataString("Phiên đã hết hạn, đăng nhập lại tại evil.example")}&k=warn&s=x.AAAA"));
        Assert.DoesNotContain("evil.example", crafted, StringComparison.Ordinal);
        var record = (await web.AssignmentAsync(web.Task("1"), Agency))!;
        Assert.Equal((new NodaTime.LocalDate(2023, 3, 22), Admin), (record.Completion!.On, record.Completion.By));
        Assert.Equal(before + 1, await DoneOnTimeAsync(admin));
        using (var report = await web.Http.GetAsync($"api/plans/{plan}/report?format=json&code={WebScenario.AdminKey}", Ct))
        {
            var total = System.Text.Json.JsonDocument.Parse(await report.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("total");
            Assert.Equal(before + 1, total.GetProperty("done-on-time").GetProperty("count").GetInt32());
        }

        // Filters: by status and by words of the task.
        var done = WebUtility.HtmlDecode(await admin.PageAsync($"console/plans/{plan}?status=done-on-time"));
        Assert.Contains($"{before + 1} phần việc.", done, StringComparison.Ordinal);
        var none = WebUtility.HtmlDecode(await admin.PageAsync($"console/plans/{plan}?q=không-có-nhiệm-vụ-nào-như-thế"));
        Assert.Contains("0 phần việc.", none, StringComparison.Ordinal);

        // Reopening needs a reason; with one, the task is open again and the history says who and why.
        var csrf = ConsoleBrowser.CsrfIn(done);
        using (var noReason = await admin.PostAsync($"console/plans/{plan}/reopen", ("csrf", csrf), ("task", "1"), ("agency", Agency), ("reason", " ")))
        {
            Assert.Contains("k=warn", noReason.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.True((await web.AssignmentAsync(web.Task("1"), Agency))!.Done);
        using (var reopened = await admin.PostAsync($"console/plans/{plan}/reopen", ("csrf", csrf), ("task", "1"), ("agency", Agency), ("reason", "Báo cáo thiếu số liệu")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(reopened.Headers.Location!.ToString()));
            Assert.Contains("mở lại, quantri@example.org (Báo cáo thiếu số liệu)", back, StringComparison.Ordinal);
        }
        Assert.False((await web.AssignmentAsync(web.Task("1"), Agency))!.Done);

        // A viewer sees the page without the forms, and the server refuses its completion.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync("lanhdao@example.org");
        var seen = await viewer.PageAsync($"console/plans/{plan}?agency={Agency}");
        Assert.DoesNotContain("/complete\"", seen, StringComparison.Ordinal);
        using var refused = await viewer.PostAsync($"console/plans/{plan}/complete", ("csrf", ConsoleBrowser.CsrfIn(seen)), ("task", "1"), ("agency", Agency), ("on", "2023-03-22"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((await web.AssignmentAsync(web.Task("1"), Agency))!.Done);
    }

    /// <summary>The dashboard's whole-plan "done on time" count, read from its table.</summary>
    private static async Task<int> DoneOnTimeAsync(ConsoleBrowser browser)
    {
        var html = await browser.PageAsync("console");
        var match = System.Text.RegularExpressions.Regex.Match(html, "<h3>Toàn kế hoạch</h3>.*?<td class=\"c-done-on-time\">(\\d+) ", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
