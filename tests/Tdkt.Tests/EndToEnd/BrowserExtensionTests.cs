using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.EndToEnd;

/// <summary>
/// In real Chromium: an agency asks for more time from its page, its supervising agency approves on its own page, the
/// agency sees the new date; then it confirms two tasks at once with the checkboxes. No script on the pages.
/// </summary>
public sealed class BrowserExtensionTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agency_asks_for_more_time_its_supervisor_approves_and_it_confirms_two_tasks_at_once()
    {
        Assert.True(File.Exists(BrowserCompletionTests.Chromium), $"{BrowserCompletionTests.Chromium} is missing: install Debian's chromium package.");
        await using var web = await WebScenario.StartAsync(services);
        var agency = new Uri(web.Host.Address, web.PagePath("so-noi-vu")).ToString();
        var supervisor = new Uri(web.Host.Address, web.PagePath("ubnd-tinh")).ToString();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserCompletionTests.Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = (await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "vi-VN" })).Patient();
        var errors = new List<string>();
        page.Console += (_, message) => errors.Add($"{message.Text} {message.Location}");
        var images = Environment.GetEnvironmentVariable("TDKT_DOCS_IMAGES") is { Length: > 0 };
        async Task ShotAsync(ILocator at, string name)
        {
            if (images)
            {
                Directory.CreateDirectory(RepositoryRoot.File("docs", "images"));
                await at.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryRoot.File("docs", "images", name) });
            }
        }

        // The agency asks.
        await page.GotoAsync(agency);
        var one = page.Locator($"#{web.Task("1").Anchor}");
        await one.GetByText("Đề nghị gia hạn", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await one.GetByLabel("Đề nghị gia hạn đến ngày").FillAsync("2023-04-14");
        await one.GetByLabel("Lý do").FillAsync("Chờ số liệu tổng hợp của các huyện, thành phố");
        await one.GetByPlaceholder("Người đề nghị (không bắt buộc)").FillAsync("Nguyễn Văn An");
        await ShotAsync(one, "agency-page-extension-request.png");
        await one.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Gửi đề nghị gia hạn" }).ClickAsync();
        await page.ReachAsync(new Regex("m=extensionasked"));
        Assert.StartsWith("Đã gửi đề nghị gia hạn nhiệm vụ số 1 đến ngày 14/04/2023.", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã đề nghị gia hạn đến 14/04/2023", await page.Locator($"#{web.Task("1").Anchor}").InnerTextAsync(), StringComparison.Ordinal);

        // Its supervising agency answers, with another date.
        await page.GotoAsync(supervisor);
        var request = page.Locator(".inbox .item.extension");
        Assert.Contains("Sở Nội vụ, nhiệm vụ 1: đề nghị gia hạn", await request.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2023-04-14", await request.GetByLabel("Gia hạn đến ngày").InputValueAsync());
        await request.GetByLabel("Gia hạn đến ngày").FillAsync("2023-04-21");
        await request.GetByLabel("Ý kiến (không bắt buộc)").FillAsync("Đồng ý, gia hạn đến 21/4");
        await ShotAsync(request, "supervisor-page-extension-request.png");
        await request.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Đồng ý gia hạn" }).ClickAsync();
        await page.ReachAsync(new Regex("m=extensionapproved"));
        Assert.Equal(0, await page.Locator(".inbox .item.extension").CountAsync());

        // The agency sees the new date, then confirms two tasks at once.
        await page.GotoAsync(agency);
        one = page.Locator($"#{web.Task("1").Anchor}");
        Assert.Contains("Thời hạn: Thứ Sáu, 21/04/2023", await one.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã được gia hạn từ 31/03/2023 đến 21/04/2023", await one.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(one, "agency-page-extension-approved.png");
        foreach (var number in new[] { "2", "3" })
        {
            await page.Locator($"#{web.Task(number).Anchor}").GetByLabel("Chọn để xác nhận cùng lúc").CheckAsync();
        }
        var bulk = page.Locator("form.bulk");
        await bulk.GetByLabel("Người báo cáo (không bắt buộc)").FillAsync("Lê Văn Cường");
        await ShotAsync(bulk, "agency-page-bulk-form.png");
        await bulk.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Xác nhận đã hoàn thành các nhiệm vụ đã chọn" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.StartsWith("Đã ghi nhận hoàn thành 2 nhiệm vụ (số 2, 3).", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True((await web.AssignmentAsync(web.Task("2"), "so-noi-vu"))!.Done);
        Assert.True((await web.AssignmentAsync(web.Task("3"), "so-noi-vu"))!.Done);
        Assert.Equal(new NodaTime.LocalDate(2023, 4, 21), (await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!.Due);
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }
}
