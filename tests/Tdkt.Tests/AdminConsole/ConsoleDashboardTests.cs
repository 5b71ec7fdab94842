using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>Tổng quan over real HTTP: beside the charts, the overdue list, the next two weeks' deadlines, the last sweeps and the mail.</summary>
public sealed partial class ConsoleDashboardTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_lists_the_overdue_work_the_next_two_weeks_and_the_last_sweep()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        // 24/03/2023: the plan's four overdue assignments, and task 1 of Sở Nội vụ due on 31/03 within two weeks.
        var html = WebUtility.HtmlDecode(await admin.PageAsync("console"));
        Assert.Contains("4 phần việc quá hạn chưa hoàn thành.", html, StringComparison.Ordinal);
        var overdue = Section(html, "Quá hạn chưa hoàn thành");
        Assert.Equal(4, Regex.Count(overdue, "class=\"c-open-overdue\">quá hạn \\d+ ngày</td>"));
        var upcoming = Section(html, "Hạn trong hai tuần tới");
        Assert.Matches("<td title=\"Phát động phong trào thi đua[^\"]*\">1</td><td>Sở Nội vụ</td><td>31/03/2023</td><td class=\"c-open-in-time\">còn 7 ngày</td>", upcoming);
        Assert.Contains("31 phần việc đến hạn trong 14 ngày tới; hiện 30 phần việc đầu", upcoming, StringComparison.Ordinal);
        Assert.Contains("Chưa có lần quét nào trong 7 ngày qua.", html, StringComparison.Ordinal);
        Assert.Contains("7 ngày qua: 0 thư đã gửi, 0 thư không gửi được, 0 thư đang chờ gửi.", html, StringComparison.Ordinal);

        // After the day's sweep: the run, and the digests waiting to be sent.
        await web.Get<Scheduling.DailySweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", null, Ct);
        html = WebUtility.HtmlDecode(await admin.PageAsync("console"));
        Assert.Matches("<td>Thứ Sáu, 24/03/2023, lúc [0-9:]+ ngày 24/03/2023</td><td>thành công</td><td>[1-9][0-9]* thư mới, [1-9][0-9]* nhắc việc", html);
        Assert.Matches("0 thư đã gửi, 0 thư không gửi được, [1-9][0-9]* thư đang chờ gửi", html);
    }

    [Fact]
    public async Task A_change_made_elsewhere_after_the_dashboard_was_read_shows_on_the_next_view()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        Assert.Contains("Đã hoàn thành 0/101 phần việc", WebUtility.HtmlDecode(await admin.PageAsync("console")), StringComparison.Ordinal);
        Assert.Contains("Đã hoàn thành 0/101 phần việc", WebUtility.HtmlDecode(await admin.PageAsync("console")), StringComparison.Ordinal);

        // Ten minutes later an agency confirms through its link (not through the console).
        web.Clock.Advance(NodaTime.Duration.FromMinutes(10));
        using (var confirmed = await web.PostAsync(web.PagePath("so-noi-vu"), web.Task("1")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        Assert.Contains("Đã hoàn thành 1/101 phần việc", WebUtility.HtmlDecode(await admin.PageAsync("console")), StringComparison.Ordinal);
    }

    private static string Section(string html, string heading)
    {
        var start = html.IndexOf($"<h2>{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, heading);
        var end = html.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
