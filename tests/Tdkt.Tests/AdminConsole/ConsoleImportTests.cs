using System.Net;
using System.Net.Http.Headers;
using Tdkt.Administration;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;
using Tdkt.Web.Console.Import;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Nhập kế hoạch over real HTTP against Azurite: a published .docx plan is previewed (header, tasks, nothing stored),
/// then saved and activated; a plan with an unknown agency is refused with the line and field named and nothing stored;
/// pasted text works as a file; a viewer can neither open the page nor post to it.
/// </summary>
public sealed class ConsoleImportTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_docx_is_previewed_then_saved_and_activated_and_errors_name_their_line()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));

        // The preview reads the published Word file as the command line does, and stores nothing.
        var preview = await PostFileAsync(admin, csrf, await File.ReadAllBytesAsync(PublishedFormsTests.Plan2025Docx, Ct), "Kế hoạch 230.docx");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Đọc được kế hoạch, chưa lưu gì.", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch số 230/KH-UBND", preview.Html, StringComparison.Ordinal);
        Assert.Contains("8 nhiệm vụ.", preview.Html, StringComparison.Ordinal);
        Assert.Contains("<td>III.1</td>", preview.Html, StringComparison.Ordinal);
        // Next year's plan, previewed in 2023: its first weeks are January 2025's, the quarter's list on its first working day (01/01 is a holiday).
        Assert.Matches("<summary>Thứ Năm, 02/01/2025: \\d+ thư", preview.Html);
        Assert.DoesNotContain("/2023: ", preview.Html, StringComparison.Ordinal);
        Assert.Empty(await web.Get<PlanStore>().ListAsync(Ct));

        // Saved and activated from the preview's own form.
        var content = System.Text.RegularExpressions.Regex.Match(preview.Html, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var saved = await admin.PostAsync("console/import/save", ("csrf", csrf), ("content", content), ("fileName", "Kế hoạch 230.docx"),
            ("number", "230/KH-UBND"), ("issuer", "Ủy ban nhân dân tỉnh Lạng Sơn"), ("issuedOn", "20/12/2024"), ("action", "activate")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            var dashboard = WebUtility.HtmlDecode(await admin.PageAsync(saved.Headers.Location!.ToString()));
            Assert.Contains("Đã lưu kế hoạch mới 2025-230-kh-ubnd", dashboard, StringComparison.Ordinal);
            Assert.Contains("Kế hoạch số 230/KH-UBND", dashboard, StringComparison.Ordinal);
        }
        var stored = Assert.Single(await web.Get<PlanStore>().ListAsync(Ct));
        Assert.Equal((PlanStatus.Active, 8), (stored.Status, stored.TaskCount));
        Assert.Contains(await web.Get<AdminUsers>().AuditTrailAsync(10, Ct), a => a.Action == "plan-import" && a.By == Admin && a.Subject == "2025-230-kh-ubnd");

        // A plan naming an agency the directory does not know: refused at its line, nothing stored.
        var text = (await File.ReadAllTextAsync(RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.txt"), Ct))
            .Replace("- Hội đồng TĐKT tỉnh. - Sở Nội vụ.", "- Sở Không Có Thật. - Sở Nội vụ.", StringComparison.Ordinal);
        using var pasted = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(text), "text" } });
        var refused = WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pasted.StatusCode);
        // The field in Vietnamese, as the person who wrote the plan calls it.
        Assert.Matches("noi-dung-dan\\.txt:\\d+: cơ quan thực hiện: [^<]*Sở Không Có Thật", refused);
        Assert.DoesNotContain("action=\"/console/import/save\"", refused, StringComparison.Ordinal);
        Assert.Contains("action=\"/console/import/agencies\"", refused, StringComparison.Ordinal);
        Assert.Single(await web.Get<PlanStore>().ListAsync(Ct));

        // A viewer cannot open the page, nor post to it.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync("lanhdao@example.org");
        using var page = await viewer.GetAsync("console/import");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var viewerCsrf = ConsoleBrowser.CsrfIn(await viewer.PageAsync("console"));
        var post = await PostFileAsync(viewer, viewerCsrf, await File.ReadAllBytesAsync(PublishedFormsTests.Plan2025Docx, Ct), "k.docx");
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
    }

    [Fact]
    public async Task A_corrected_reimport_that_drops_a_completed_task_is_saved_only_once_confirmed()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        await web.Get<Tdkt.Completion.AdminCompletion>().CompleteAsync(new Tdkt.Completion.AdminCompleteRequest(web.Plan.Id.Value, "1", "so-noi-vu", null, null, null), Ct);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));

        // The province's corrected text, without task 1 (which Sở Nội vụ has done).
        var lines = (await File.ReadAllLinesAsync(RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.txt"), Ct))
            .Where(l => !l.StartsWith("1\tPhát động phong trào", StringComparison.Ordinal));
        var corrected = string.Join("\n", lines);
        using var previewed = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(corrected), "text" } });
        var preview = WebUtility.HtmlDecode(await previewed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains("<h2>Thay đổi với kế hoạch đã lưu</h2>", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"confirm\"", preview, StringComparison.Ordinal);
        var content = System.Text.RegularExpressions.Regex.Match(preview, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;

        // Saved without the confirmation: nothing changes, and the page asks again.
        using (var unconfirmed = await admin.PostAsync("console/import/save", ("csrf", csrf), ("content", content), ("fileName", ConsoleImportPage.PastedFileName), ("action", "draft")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
            Assert.Contains("Chưa lưu gì", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        Assert.Equal(web.Plan.Tasks.Count, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.TaskCount);

        using (var confirmed = await admin.PostAsync("console/import/save", ("csrf", csrf), ("content", content), ("fileName", ConsoleImportPage.PastedFileName),
            ("action", "draft"), ("confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }
        Assert.Equal(web.Plan.Tasks.Count - 1, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.TaskCount);
    }

    [Theory]
    [InlineData("lang-son-2025-230-kh-ubnd.docx", "Kế hoạch số 230/KH-UBND", 8)]
    [InlineData("lang-son-2025-230-kh-ubnd.pdf", "Kế hoạch số 230/KH-UBND", 8)]
    [InlineData("lang-son-2025-230-kh-ubnd.xlsx", "Kế hoạch số 230/KH-UBND", 8)]
    [InlineData("lang-son-2023-252-kh-ubnd.txt", "Kế hoạch số 252/KH-UBND", 27)]
    [InlineData("lang-son-2023-252-kh-ubnd.yaml", "Kế hoạch số 252/KH-UBND", 27)]
    public async Task Every_format_the_page_offers_previews_its_plan(string sample, string heading, int tasks)
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var page = await admin.PageAsync("console/import");
        Assert.Contains(Path.GetExtension(sample), System.Text.RegularExpressions.Regex.Match(page, "accept=\"([^\"]+)\"").Groups[1].Value, StringComparison.Ordinal);

        var preview = await PostFileAsync(admin, ConsoleBrowser.CsrfIn(page), await File.ReadAllBytesAsync(RepositoryRoot.File("samples", "plans", sample), Ct), sample);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains(heading, preview.Html, StringComparison.Ordinal);
        Assert.Contains($"{tasks} nhiệm vụ.", preview.Html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostFileAsync(ConsoleBrowser browser, string csrf, byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var response = await browser.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { file, "file", name } });
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}
