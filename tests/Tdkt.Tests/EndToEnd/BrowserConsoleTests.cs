using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.EndToEnd;

/// <summary>
/// The console in real Chromium: sign in by a one-time link → upload the province's .docx plan with one agency the
/// directory does not know → fix it in the preview (an alias) → activate → the dashboard shows the plan → the plan page,
/// filtered to an agency, records a completion the agency reported by letter → the report and the dashboard's chart
/// change → a viewer is added on "Người dùng". No script on the pages. With TDKT_DOCS_IMAGES=1 it makes docs/console.md's screenshots.
/// </summary>
public sealed class BrowserConsoleTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_signs_in_by_link_imports_a_docx_fixing_an_unknown_agency_records_a_completion_by_letter_and_sees_chart_and_report_change()
    {
        Assert.True(File.Exists(BrowserCompletionTests.Chromium), $"{BrowserCompletionTests.Chromium} is missing: install Debian's chromium package.");
        var settings = new Dictionary<string, string?>(services.Smtp4dev.MailSettings("console-walk@example.org")) { ["Tdkt:Console:FirstAdmin"] = Admin };
        await using var web = await WebScenario.StartAsync(services, settings, withPlan: false);
        // Monday 10/02/2025, the 2025 plan's second month.
        web.Clock.Reset(NodaTime.Instant.FromUtc(2025, 2, 10, 1, 0));
        var link = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;
        var docx = WithUnknownAgency(Tdkt.Tests.Plans.PublishedFormsTests.Plan2025Docx);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserCompletionTests.Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        var page = (await context.NewPageAsync()).Patient();
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
        await page.ReachAsync(new Regex("/console$"));
        Assert.Contains($"{Admin} (Quản trị)", await page.Locator("nav").InnerTextAsync(), StringComparison.Ordinal);

        // Nhập kế hoạch: the province's 2025 .docx, with one agency written as the directory does not know it.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Nhập kế hoạch" }).ClickAsync();
        await page.GetByLabel("Tệp kế hoạch").SetInputFilesAsync(docx);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xem trước" }).ClickAsync();
        Assert.Contains("Không có cơ quan “Sở Tài chính tỉnh” trong danh bạ", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var unknown = page.Locator("fieldset", new PageLocatorOptions { HasText = "“Sở Tài chính tỉnh”" });
        Assert.Equal("— chọn cơ quan —", await unknown.Locator("select").First.Locator("option:checked").InnerTextAsync());
        Assert.Equal("Có phải: Sở Tài chính", await unknown.Locator("select").First.Locator("option").Nth(1).InnerTextAsync());
        await unknown.Locator("select").First.SelectOptionAsync(new SelectOptionValue { Label = "Có phải: Sở Tài chính" });
        await unknown.GetByLabel("Là cơ quan trong danh bạ:").CheckAsync();
        await ShotAsync("console-import-fix.png", full: true);

        // Fixed in place: the name becomes an alias of Sở Tài chính, and the same file previews clean.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sửa và xem trước lại" }).ClickAsync();
        Assert.Contains("Đọc được kế hoạch, chưa lưu gì.", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã ghi “Sở Tài chính tỉnh” là một tên của Sở Tài chính", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("details.forecast").CountAsync() > 0);
        await ShotAsync("console-import-preview.png", full: true);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và bắt đầu nhắc việc" }).ClickAsync();
        await page.ReachAsync(new Regex("/console\\?m="));
        Assert.Contains("Đã lưu kế hoạch mới 2025-230-kh-ubnd", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // The dashboard shows the plan.
        Assert.Equal(1, await page.Locator("h2 a", new PageLocatorOptions { HasText = "Kế hoạch số 230/KH-UBND" }).CountAsync());
        Assert.True(await page.Locator("figure svg").CountAsync() >= 3);
        var before = await DoneOnTimeAsync(page);
        await ShotAsync("console-dashboard.png", full: true);

        // The plan, filtered to Sở Nội vụ; its report before; a completion reported by letter.
        await page.Locator("h2 a").First.ClickAsync();
        var reportBefore = await ReportDoneOnTimeAsync(page);
        await page.GetByLabel("Cơ quan").SelectOptionAsync(new SelectOptionValue { Label = "Sở Nội vụ" });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lọc" }).ClickAsync();
        await page.ReachAsync(new Regex("agency=so-noi-vu"));
        var task = page.Locator(".task", new PageLocatorOptions { Has = page.Locator(".num", new PageLocatorOptions { HasTextRegex = new Regex("^Nhiệm vụ 2$") }) });
        await task.GetByText("Ghi nhận hoàn thành theo văn bản báo cáo").ClickAsync();
        await task.GetByLabel("Ngày hoàn thành (ngày của văn bản)").FillAsync("2025-02-07");
        await task.GetByLabel("Người báo cáo").FillAsync("Nguyễn Văn Bình");
        await task.GetByLabel("Ghi chú (số hiệu văn bản)").FillAsync("Công văn số 45/SNV");
        await ShotAsync("console-plan-record-by-letter.png");
        await task.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Ghi nhận hoàn thành" }).ClickAsync();
        await page.ReachAsync(new Regex("m="));
        Assert.StartsWith("Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ số 2 ngày 07/02/2025", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Hoàn thành đúng hạn", await task.Locator(".status").InnerTextAsync());
        await ShotAsync("console-plan.png");

        // The report and the dashboard's chart follow.
        Assert.Equal(reportBefore + 1, await ReportDoneOnTimeAsync(page));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tổng quan" }).ClickAsync();
        Assert.Equal(before + 1, await DoneOnTimeAsync(page));

        // Người dùng: a viewer for the leaders.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Người dùng" }).ClickAsync();
        await page.GetByLabel("Địa chỉ thư").FillAsync("lanhdao@example.org");
        await page.GetByLabel("Vai trò").SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu" }).ClickAsync();
        await page.ReachAsync(new Regex("/console/users\\?m="));
        Assert.StartsWith("Đã lưu lanhdao@example.org (Chỉ xem).", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("lanhdao@example.org\tChỉ xem", await page.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-users.png", full: true);

        // Cơ quan: the directory, with the alias just recorded; an agency's link on request.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Cơ quan", Exact = true }).ClickAsync();
        Assert.Contains("Sở Tài chính tỉnh", await page.Locator("#ag-so-tai-chinh").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#ag-so-noi-vu").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Xem đường dẫn" }).ClickAsync();
        Assert.Contains("/api/a/", await page.Locator("#ag-so-noi-vu .feed-url").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-agencies.png");

        // Thư: the day's sweep and dispatch (to the local SMTP server) are counted by day; the day's sent digests open from their number.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Thư", Exact = true }).ClickAsync();
        Assert.Contains("Chưa có thư nào trong 31 ngày qua.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await web.Get<Tdkt.Reminders.ReminderSweep>().RunAsync(new NodaTime.LocalDate(2025, 2, 10), false, "test", Ct);
        var sent = (await web.Get<Tdkt.Mail.MailDispatcher>().DispatchPendingAsync(4, Ct)).Sent;
        Assert.True(sent > 0);
        await page.ReloadAsync();
        var today = page.Locator("table.mail-days tr", new PageLocatorOptions { HasText = "10/02/2025" });
        await today.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = sent.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await page.ReachAsync(new Regex("day=2025-02-10&status=sent"));
        Assert.Contains($"{sent} thư đã gửi ngày 10/02/2025.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-mail.png", full: true);

        // Lịch: the year's working calendar.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Lịch", Exact = true }).ClickAsync();
        Assert.Contains("Lịch làm việc năm 2025", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync("console-calendar.png", full: true);

        // On a phone the dashboard reads without sideways scrolling of the page.
        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tổng quan" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await ShotAsync("console-dashboard-phone.png");
        // The preview of a plan with an error answers 422 on purpose (Chromium logs it); anything else is a fault.
        errors.RemoveAll(e => e.StartsWith("Failed to load resource: the server responded with a status of 422", StringComparison.Ordinal) && e.Contains("/console/import:", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task In_the_browser_a_viewer_is_refused_by_the_server_a_tokenless_post_is_refused_a_used_link_is_refused_and_no_page_opens_without_a_session()
    {
        Assert.True(File.Exists(BrowserCompletionTests.Chromium), $"{BrowserCompletionTests.Chromium} is missing: install Debian's chromium package.");
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Console:FirstAdmin"] = Admin });
        const string Viewer = "lanhdao@example.org";
        await web.Get<AdminUsers>().SetAsync(Viewer, AdminRole.Viewer, Admin, Ct);
        var link = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Viewer, Ct))!)!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserCompletionTests.Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var baseUrl = web.Host.Address.ToString().TrimEnd('/');

        // Without a session, every console page lands on the sign-in page.
        var stranger = (await (await browser.NewContextAsync()).NewPageAsync()).Patient();
        foreach (var path in new[] { "/console", $"/console/plans/{web.Plan.Id}", "/console/agencies/edit", "/console/users" })
        {
            await stranger.GotoAsync(baseUrl + path);
            Assert.EndsWith("/console/signin", new Uri(stranger.Url).AbsolutePath, StringComparison.Ordinal);
        }

        // The viewer signs in by link; pressing the link a second time is refused.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = (await context.NewPageAsync()).Patient();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await page.ReachAsync(new Regex("/console$"));
        Assert.Contains($"{Viewer} (Chỉ xem)", await page.Locator("nav").InnerTextAsync(), StringComparison.Ordinal);
        var again = (await (await browser.NewContextAsync()).NewPageAsync()).Patient();
        var reused = await again.GotoAsync(link);
        Assert.Equal(410, reused!.Status);
        Assert.Contains("đã được dùng", await again.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        // The plan page offers the viewer no change; the same POST an administrator's button sends, with the viewer's own token, is refused by the server.
        await page.GotoAsync($"{baseUrl}/console/plans/{web.Plan.Id}?agency=so-noi-vu");
        Assert.Equal(0, await page.Locator("form[method=post][action*='/complete']").CountAsync());
        Assert.Equal(0, await page.GetByText("Thao tác với kế hoạch").CountAsync());
        var csrf = await page.Locator("input[name=csrf]").First.GetAttributeAsync("value");
        var refused = await context.APIRequest.PostAsync($"{baseUrl}/console/plans/{web.Plan.Id}/complete", new APIRequestContextOptions
        {
            Form = Form(("csrf", csrf!), ("task", "1"), ("agency", "so-noi-vu"), ("on", "2023-03-22")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, refused.Status);
        Assert.Null((await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!.Completion);

        // An administrator's session without the form's token changes nothing either.
        var adminLink = SignInLinks.Url(baseUrl, (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;
        var adminContext = await browser.NewContextAsync();
        var adminPage = (await adminContext.NewPageAsync()).Patient();
        await adminPage.GotoAsync(adminLink);
        await adminPage.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await adminPage.ReachAsync(new Regex("/console$"));
        var tokenless = await adminContext.APIRequest.PostAsync($"{baseUrl}/console/plans/{web.Plan.Id}/status", new APIRequestContextOptions
        {
            Form = Form(("status", "archived")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, tokenless.Status);
        Assert.Equal(Tdkt.Plans.PlanStatus.Active, (await web.Get<Tdkt.Plans.PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.Status);

        IFormData Form(params (string Name, string Value)[] fields)
        {
            var form = context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
            }
            return form;
        }
    }

    /// <summary>The published .docx with "Sở Tài chính" written "Sở Tài chính tỉnh", as another province's clerk might: a name the directory does not know.</summary>
    private static string WithUnknownAgency(string source)
    {
        var folder = Directory.CreateTempSubdirectory("tdkt-").FullName;
        var path = Path.Combine(folder, "Kế hoạch 230-KH-UBND.docx");
        File.Copy(source, path);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry("word/document.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }
        Assert.Contains(">Sở Tài chính<", xml, StringComparison.Ordinal);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
        writer.Write(xml.Replace(">Sở Tài chính<", ">Sở Tài chính tỉnh<", StringComparison.Ordinal));
        return path;
    }

    /// <summary>The plan's report (opened from the plan page's link, in its own tab) as the administrator reads it: the whole plan's "done on time".</summary>
    private static async Task<int> ReportDoneOnTimeAsync(IPage page)
    {
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "xem", Exact = true }).ClickAsync());
        try
        {
            var cell = popup.Locator("tr", new PageLocatorOptions { Has = popup.Locator("td", new PageLocatorOptions { HasTextRegex = new Regex("^Tổng") }) })
                .Locator("td.c-done-on-time").First;
            return int.Parse((await cell.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await popup.CloseAsync();
        }
    }

    private static async Task<int> DoneOnTimeAsync(IPage page)
    {
        var cell = page.Locator("section").First.Locator("table").First.Locator("td.c-done-on-time");
        return int.Parse((await cell.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
