using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tdkt.Mail;
using Tdkt.Reminders;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.EndToEnd;

/// <summary>
/// A real browser (Debian's headless Chromium, driven by Playwright) opens the link of a real digest from the
/// smtp4dev inbox, clicks the button, and sees the confirmation.
/// </summary>
public sealed partial class BrowserCompletionTests(LocalServices services)
{
    public const string Chromium = "/usr/bin/chromium";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_open_the_digest_link_in_a_browser_click_confirm_and_see_the_confirmation()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (`apt-get install chromium`, as .ci/run does).");
        var sender = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";
        await using var web = await WebScenario.StartAsync(services, services.Smtp4dev.MailSettings(sender));
        await web.Get<ReminderSweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", Ct);
        await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mail = (await inbox.MessagesFromAsync(sender, atLeast: 7)).Single(m => m.Message.To.Mailboxes.Any(a => a.Address == "so-tai-chinh@example.org")).Message;
        var link = LinkPattern().Match(mail.HtmlBody!).Groups[1].Value;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = (await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "vi-VN" })).Patient();
        var errors = new List<string>();
        page.Console += (_, message) => errors.Add($"{message.Text} {message.Location}");
        await page.GotoAsync(link);

        Assert.Equal("Sở Tài chính", await page.Locator("h1").InnerTextAsync());
        var task = page.Locator($"#{web.Task("4").Anchor}");
        await task.GetByLabel("Người báo cáo (không bắt buộc)").FillAsync("Trần Thị Bình");
        // The result attached while confirming, as staff pick it from their disk.
        var pdf = Tdkt.Tests.Evidence.EvidenceFixtures.Pdf();
        await task.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Báo cáo quý I.pdf", MimeType = "application/pdf", Buffer = pdf });
        await task.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Xác nhận đã hoàn thành" }).ClickAsync();
        await page.ReachAsync(new Regex("m=done"));

        var message = await page.Locator("[role=status]").InnerTextAsync();
        Assert.StartsWith("Đã ghi nhận nhiệm vụ số 4 hoàn thành lúc 08:00 ngày 24/03/2023", message, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", await page.Locator($"#{web.Task("4").Anchor}").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#{web.Task("4").Anchor} button", new PageLocatorOptions { HasText = "Hoàn tác" }).CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var record = await web.AssignmentAsync(web.Task("4"), "so-tai-chinh");
        Assert.Equal("Trần Thị Bình", record!.Completion!.By);

        // The file is listed under the task, with who sent it, and downloads as the bytes sent.
        var listed = page.Locator($"#{web.Task("4").Anchor} .files li");
        Assert.Equal(1, await listed.CountAsync());
        Assert.Contains("Báo cáo quý I.pdf", await listed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("PDF, ", await listed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("người gửi: Trần Thị Bình", await listed.InnerTextAsync(), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => listed.Locator("a").ClickAsync());
        Assert.Equal("Báo cáo quý I.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
        Assert.Equal(["Báo cáo quý I.pdf"], record.Files.Select(f => f.Name));
        if (Environment.GetEnvironmentVariable("TDKT_DOCS_IMAGES") is { Length: > 0 })
        {
            Directory.CreateDirectory(RepositoryRoot.File("docs", "images"));
            await page.Locator($"#{web.Task("4").Anchor}").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryRoot.File("docs", "images", "agency-page-confirmed-with-file.png") });
        }
    }

    [GeneratedRegex("href=\"([^\"]+/api/a/[^\"]+)\"")]
    private static partial Regex LinkPattern();
}
