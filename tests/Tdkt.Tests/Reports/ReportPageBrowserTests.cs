using Microsoft.Playwright;
using Tdkt.Assignments;
using Tdkt.Tests.Completion;
using Tdkt.Tests.EndToEnd;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Reports;

/// <summary>The HTML report in a real browser (Debian's Chromium): the server-drawn charts show under its security policy.</summary>
public sealed class ReportPageBrowserTests(LocalServices services)
{
    [Fact]
    public async Task The_report_page_draws_its_charts_in_Chromium_under_the_pages_security_policy()
    {
        await using var web = await WebScenario.StartAsync(services);
        foreach (var (number, agency, on) in new[] { ("1", "so-noi-vu", "2023-01-10"), ("III.1", "so-tai-chinh", "2023-03-24"), ("2", "so-noi-vu", "2023-03-30") })
        {
            var task = web.Plan.Tasks.Single(t => t.Number == number);
            await web.Get<Tdkt.Completion.CompletionStore>().RecordAsync(web.Plan.Id.Value, Tdkt.Plans.PlanStore.AssignmentKey(task, new Tdkt.Agencies.AgencyId(agency)),
                task.Deadline.Due, Tdkt.Tests.Reminders.ReminderScenario.D(on), new CompletionInput("Người thử", null, CompletionVia.Admin),
                TestContext.Current.CancellationToken);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserCompletionTests.Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(new Uri(web.Host.Address, $"api/plans/{web.Plan.Id}/report?format=html&asOf=2023-04-03&code={WebScenario.AdminKey}").ToString());

        Assert.Equal(200, response!.Status);
        var charts = page.Locator("svg.chart");
        Assert.Equal(2, await charts.CountAsync());
        var box = await charts.First.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"the first chart is {box?.Width} × {box?.Height}");
        // The red of "overdue" is drawn: the bars are painted, not only present in the markup.
        Assert.True(await page.Locator("svg.chart rect[fill='#b00020']").CountAsync() > 1);
        Assert.Empty(violations);
        if (Environment.GetEnvironmentVariable("TDKT_DOCS_IMAGES") is { Length: > 0 })
        {
            Directory.CreateDirectory(RepositoryRoot.File("docs", "images"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryRoot.File("docs", "images", "report-html-2023-04-03.png"), FullPage = false });
        }
    }
}
