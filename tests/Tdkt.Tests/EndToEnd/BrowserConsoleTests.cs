using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.EndToEnd;

/// <summary>
/// The console in real Chromium: sign in by a one-time link → the dashboard shows the plan → the plan page, filtered to
/// an agency, records a completion the agency reported by letter → the dashboard's chart and numbers change → a viewer
/// is added on "Người dùng". No script on the pages. With TDKT_DOCS_IMAGES=1 it makes docs/console.md's screenshots.
/// </summary>
public sealed class BrowserConsoleTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_signs_in_by_link_records_a_completion_by_letter_and_sees_the_dashboard_change()
    {
        Assert.True(File.Exists(BrowserCompletionTests.Chromium), $"{BrowserCompletionTests.Chromium} is missing: install Debian's chromium package.");
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Console:FirstAdmin"] = Admin });
        var link = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserCompletionTests.Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => errors.Add($"{message.Text} {message.Location}");
        var images = Environment.GetEnvironmentVariable("TDKT_DOCS_IMAGES") is { Length: > 0 };
        async Task ShotAsync(string name, bool full = false)
        {
            if (images)
            {
                Directory.CreateDirectory(RepositoryRoot.File("docs", "images"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryRoot.File("docs", "images", name), FullPage = full });
            }
        }

        // Sign in: the link's page names the person; the button starts the session.
        await page.GotoAsync(link);
        Assert.Contains(Admin, await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-sign-in.png");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/console$"));
        Assert.Contains($"{Admin} (Quản trị)", await page.Locator("nav").InnerTextAsync(), StringComparison.Ordinal);
        var before = await DoneOnTimeAsync(page);
        Assert.Equal(1, await page.Locator("h2 a", new PageLocatorOptions { HasText = $"Kế hoạch số {web.Plan.Number}" }).CountAsync());
        Assert.True(await page.Locator("figure svg").CountAsync() >= 3);
        await ShotAsync("console-dashboard.png", full: true);

        // The plan, filtered to Sở Nội vụ; a completion reported by letter.
        await page.Locator("h2 a").First.ClickAsync();
        await page.GetByLabel("Cơ quan").SelectOptionAsync(new SelectOptionValue { Label = "Sở Nội vụ" });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lọc" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("agency=so-noi-vu"));
        var task = page.Locator(".task", new PageLocatorOptions { Has = page.Locator(".num", new PageLocatorOptions { HasTextRegex = new Regex("^Nhiệm vụ 1$") }) });
        await task.GetByText("Ghi nhận hoàn thành theo văn bản báo cáo").ClickAsync();
        await task.GetByLabel("Ngày hoàn thành (ngày của văn bản)").FillAsync("2023-03-22");
        await task.GetByLabel("Người báo cáo").FillAsync("Nguyễn Văn Bình");
        await task.GetByLabel("Ghi chú (số hiệu văn bản)").FillAsync("Công văn số 45/SNV");
        await ShotAsync("console-plan-record-by-letter.png");
        await task.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Ghi nhận hoàn thành" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("m="));
        Assert.StartsWith("Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ số 1 ngày 22/03/2023", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Hoàn thành đúng hạn", await task.Locator(".status").InnerTextAsync());
        await ShotAsync("console-plan.png");

        // The dashboard follows.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tổng quan" }).ClickAsync();
        Assert.Equal(before + 1, await DoneOnTimeAsync(page));

        // Người dùng: a viewer for the leaders.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Người dùng" }).ClickAsync();
        await page.GetByLabel("Địa chỉ thư").FillAsync("lanhdao@example.org");
        await page.GetByLabel("Vai trò").SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/console/users\\?m="));
        Assert.StartsWith("Đã lưu lanhdao@example.org (Chỉ xem).", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("lanhdao@example.org\tChỉ xem", await page.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-users.png", full: true);

        // Cơ quan: the directory; an agency's link on request.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Cơ quan", Exact = true }).ClickAsync();
        await page.Locator("#ag-so-noi-vu").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Xem đường dẫn" }).ClickAsync();
        Assert.Contains("/api/a/", await page.Locator("#ag-so-noi-vu .feed-url").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-agencies.png");

        // Thư: the digests waiting to be sent (no sweep ran: none).
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Thư", Exact = true }).ClickAsync();
        Assert.Contains("0 thư không gửi được trong 31 ngày qua.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Nhập kế hoạch: the 2025 plan as the province published it (.docx), previewed, then saved and activated.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nhập kế hoạch" }).ClickAsync();
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(Tdkt.Tests.Plans.PublishedFormsTests.Plan2025Docx);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xem trước" }).ClickAsync();
        Assert.Contains("Đọc được kế hoạch, chưa lưu gì.", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-import-preview.png", full: true);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và bắt đầu nhắc việc" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/console\\?m="));
        Assert.Contains("Đã lưu kế hoạch mới 2025-230-kh-ubnd", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("h2 a", new PageLocatorOptions { HasText = "Kế hoạch số 230/KH-UBND" }).CountAsync());

        // On a phone the dashboard reads without sideways scrolling of the page.
        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tổng quan" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await ShotAsync("console-dashboard-phone.png");
        Assert.Empty(errors);
    }

    private static async Task<int> DoneOnTimeAsync(IPage page)
    {
        var cell = page.Locator("section").First.Locator("table").First.Locator("td.c-done-on-time");
        return int.Parse((await cell.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
