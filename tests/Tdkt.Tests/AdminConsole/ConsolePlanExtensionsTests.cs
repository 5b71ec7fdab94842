using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Assignments;
using Tdkt.DeadlineExtensions;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Files and requests for more time on the plan page, over real HTTP against Azurite: a file an agency sent is listed
/// and downloads through its one-hour link; a pending request is shown with its reason, a decline without a reason is
/// refused and changes nothing, an approval to another date moves the date in force; a viewer cannot decide.
/// </summary>
public sealed class ConsolePlanExtensionsTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_plan_page_lists_an_agencys_files_and_decides_its_request_for_more_time()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        var task = web.Task("1");
        var key = new AssignmentKey(task.TaskKey, "so-noi-vu");
        var pdf = Tdkt.Tests.Evidence.EvidenceFixtures.Pdf();
        await web.Get<Tdkt.Evidence.EvidenceStore>().AttachAsync(web.Plan.Id.Value, key,
            new Tdkt.Evidence.EvidenceUpload(pdf, EvidenceKind.Pdf, "bao-cao-quy-1.pdf"), "Nguyễn Văn An", CompletionVia.Link, null, null, Ct);
        var asked = await web.Get<ExtensionService>().RequestAsync("so-noi-vu", task, new NodaTime.LocalDate(2023, 4, 14),
            "Chờ số liệu của các huyện", "Nguyễn Văn An", null, null, Ct);
        Assert.Equal(ExtensionOutcome.Requested, asked.Outcome);

        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var page = WebUtility.HtmlDecode(await admin.PageAsync($"console/plans/{web.Plan.Id}?agency=so-noi-vu"));
        var csrf = ConsoleBrowser.CsrfIn(page);
        Assert.Contains("Đề nghị gia hạn đến 14/04/2023", page, StringComparison.Ordinal);
        Assert.Contains("Lý do: Chờ số liệu của các huyện", page, StringComparison.Ordinal);
        Assert.Contains("Cho ý kiến về đề nghị gia hạn", page, StringComparison.Ordinal);

        // The file downloads through its link, as an attachment.
        var href = Regex.Match(page, "<a href=\"(/api/f/[^\"]+)\" rel=\"noopener\">bao-cao-quy-1.pdf</a>").Groups[1].Value;
        Assert.NotEmpty(href);
        using (var download = await admin.GetAsync(href.TrimStart('/')))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        }

        // A viewer cannot decide; a decline without a reason is refused; nothing changes.
        await web.Get<Tdkt.Administration.AdminUsers>().SetAsync("lanhdao@example.org", Tdkt.Administration.AdminRole.Viewer, Admin, Ct);
        using (var viewer = new ConsoleBrowser(web))
        {
            await viewer.SignInAsAsync("lanhdao@example.org");
            var viewerPage = await viewer.PageAsync($"console/plans/{web.Plan.Id}");
            Assert.DoesNotContain("/extend\"", viewerPage, StringComparison.Ordinal);
            using var refused = await viewer.PostAsync($"console/plans/{web.Plan.Id}/extend", ("csrf", ConsoleBrowser.CsrfIn(viewerPage)), ("task", "1"),
                ("agency", "so-noi-vu"), ("decision", "approve"), ("to", "2023-04-14"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var noReason = await admin.PostAsync($"console/plans/{web.Plan.Id}/extend", ("csrf", csrf), ("task", "1"), ("agency", "so-noi-vu"), ("decision", "decline"),
            ("to", ""), ("reason", "")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(noReason.Headers.Location!.ToString()));
            Assert.Contains("Không chấp thuận đề nghị gia hạn thì cần nêu lý do: chưa thay đổi gì.", back, StringComparison.Ordinal);
        }
        Assert.True((await web.AssignmentAsync(task, "so-noi-vu"))!.Extension.IsPending);

        // Approved to another day than asked: the date in force moves, the page says so.
        using (var approved = await admin.PostAsync($"console/plans/{web.Plan.Id}/extend", ("csrf", csrf), ("task", "1"), ("agency", "so-noi-vu"), ("decision", "approve"),
            ("to", "2023-04-10"), ("reason", "Đồng ý gia hạn đến 10/4")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(approved.Headers.Location!.ToString()));
            Assert.Contains("Đã gia hạn nhiệm vụ số 1 của Sở Nội vụ từ 31/03/2023 đến 10/04/2023", back, StringComparison.Ordinal);
            Assert.Contains("Thời hạn: 10/04/2023 (gia hạn từ 31/03/2023)", back, StringComparison.Ordinal);
            Assert.Contains($"Đã gia hạn từ 31/03/2023 đến 10/04/2023 ({Admin})", back, StringComparison.Ordinal);
        }
        var record = (await web.AssignmentAsync(task, "so-noi-vu"))!;
        Assert.Equal(new NodaTime.LocalDate(2023, 4, 10), record.Due);
        Assert.False(record.Extension.IsPending);
    }
}
