using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Cơ quan's changes over real HTTP against Azurite and smtp4dev: an agency added from the form, an edit with a bad
/// address and a clashing name refused at its fields with nothing changed, an edit made from a stale form refused; a
/// directory file previewed (added, changed, kept) and saved, a broken one refused at its line; a test mail reaching the
/// agency's own address; a viewer refused by the server.
/// </summary>
public sealed class ConsoleAgencyEditTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agencies_are_added_and_edited_from_the_form_refused_with_why_and_sent_a_test_mail()
    {
        var sender = $"directory-{Guid.NewGuid():N}@tdkt.invalid";
        var settings = new Dictionary<string, string?>(ConsoleSignInTests.FirstAdmin);
        foreach (var (k, v) in services.Smtp4dev.MailSettings(sender))
        {
            settings[k] = v;
        }
        await using var web = await WebScenario.StartAsync(services, settings, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var form = await admin.PageAsync("console/agencies/edit");
        var csrf = ConsoleBrowser.CsrfIn(form);
        var health = $"soyte-{Guid.NewGuid():N}@example.org";

        // Added.
        using (var added = await admin.PostAsync("console/agencies/edit", ("csrf", csrf), ("version", ""), ("id", "so-y-te"), ("name", "Sở Y tế"),
            ("aliases", "Sở Y tế tỉnh\r\nSYT"), ("to", health), ("cc", ""), ("supervisor", "ubnd-tinh"), ("members", ""), ("replacedBy", ""), ("replacedFrom", "")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
            Assert.Contains("Đã thêm Sở Y tế (so-y-te) vào danh bạ.", WebUtility.HtmlDecode(await admin.PageAsync(added.Headers.Location!.ToString())), StringComparison.Ordinal);
        }
        var stored = (await web.Get<AgencyStore>().LoadAsync(Ct)).Find(new AgencyId("so-y-te"))!;
        Assert.Equal(["Sở Y tế tỉnh", "SYT"], stored.Aliases);
        Assert.Equal("ubnd-tinh", stored.Supervisor?.Value);
        Assert.Equal("so-y-te", (await web.Get<AgencyStore>().LoadAsync(Ct)).FindByName("SYT")?.Id.Value);

        // A link to an agency the directory does not have says so, rather than offering to add one.
        using (var missing = await admin.GetAsync("console/agencies/edit?id=so-y-tee"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Không có cơ quan “so-y-tee” trong danh bạ", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        // An edit with a bad address and a name Sở Nội vụ goes by: refused at its fields, the form kept as typed, nothing changed.
        var edit = WebUtility.HtmlDecode(await admin.PageAsync("console/agencies/edit?id=so-y-te"));
        var version = Regex.Match(edit, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(version);
        (string, string)[] Edit(string v, string to, string aliases) =>
            [("csrf", csrf), ("version", v), ("id", "so-y-te"), ("name", "Sở Y tế"), ("aliases", aliases), ("to", to), ("cc", ""), ("supervisor", "ubnd-tinh"),
                ("members", ""), ("replacedBy", ""), ("replacedFrom", "")];
        using (var refused = await admin.PostAsync("console/agencies/edit", Edit(version, "soyte-at-example.org", "Sở Y tế tỉnh\nSở Nội vụ")))
        {
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Gửi tới: Địa chỉ email “soyte-at-example.org” không hợp lệ.", page, StringComparison.Ordinal);
            Assert.Contains("Tên khác: Tên “Sở Nội vụ” đã dùng cho “Sở Nội vụ” (so-noi-vu)", page, StringComparison.Ordinal);
            Assert.Contains("soyte-at-example.org</textarea>", page, StringComparison.Ordinal);
        }
        Assert.Equal(health, (await web.Get<AgencyStore>().LoadAsync(Ct)).Find(new AgencyId("so-y-te"))!.To.Single());

        // Two edits from the same form: the second is refused and the first kept.
        using (var first = await admin.PostAsync("console/agencies/edit", Edit(version, health, "Sở Y tế tỉnh")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        }
        using (var stale = await admin.PostAsync("console/agencies/edit", Edit(version, health, "Sở Y tế tỉnh\nSYT cũ")))
        using (var forged = await admin.PostAsync("console/agencies/edit", Edit("W/\"not-a-version", health, "Sở Y tế tỉnh\nSYT cũ")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
            Assert.Contains("vừa được người khác sửa", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        }
        Assert.Equal(["Sở Y tế tỉnh"], (await web.Get<AgencyStore>().LoadAsync(Ct)).Find(new AgencyId("so-y-te"))!.Aliases.ToArray());

        // A test mail reaches the agency's own address, through the configured channel.
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        using (var sent = await admin.PostAsync("console/agencies/test-mail", ("csrf", csrf), ("agency", "so-y-te")))
        {
            var page = WebUtility.HtmlDecode(await admin.PageAsync(sent.Headers.Location!.ToString()));
            Assert.Contains($"Đã gửi thư thử cho Sở Y tế tới {health}", page, StringComparison.Ordinal);
        }
        var mail = (await inbox.MessagesToAsync(health)).Single().Message;
        Assert.Equal(sender, mail.From.Mailboxes.Single().Address);
        Assert.Contains("Kính gửi: Sở Y tế", mail.TextBody, StringComparison.Ordinal);
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(10, Ct);
        Assert.Contains(audit, a => a is { Action: "agency-add", Subject: "so-y-te", By: Admin });
        Assert.Contains(audit, a => a is { Action: "agency-edit", Subject: "so-y-te", By: Admin });
        Assert.Contains(audit, a => a is { Action: "agency-test-mail", Subject: "so-y-te", By: Admin });

        // A viewer can neither open the form nor post it.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync("lanhdao@example.org");
        using (var page = await viewer.GetAsync("console/agencies/edit?id=so-y-te"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
        var viewerCsrf = ConsoleBrowser.CsrfIn(await viewer.PageAsync("console/agencies"));
        using (var post = await viewer.PostAsync("console/agencies/edit", [.. Edit("", health, "").Skip(1).Prepend(("csrf", viewerCsrf))]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
    }

    [Fact]
    public async Task A_directory_file_is_previewed_against_the_stored_one_then_saved_and_a_broken_one_changes_nothing()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/agencies"));
        using var exported = await admin.GetAsync("console/agencies/export");
        var yaml = await exported.Content.ReadAsStringAsync(Ct);
        var before = AgencyDirectoryFile.WriteYaml(await web.Get<AgencyStore>().LoadAsync(Ct));

        // Broken: a CSV without its "to" column, refused at its line; nothing stored.
        var broken = await UploadAsync(admin, csrf, "id,name,aliases\nso-y-te,Sở Y tế,\n", "danh-ba.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.Status);
        Assert.Contains("danh-ba.csv:1: header: Thiếu cột: to.", broken.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lưu danh bạ", broken.Html, StringComparison.Ordinal);

        // The directory as exported, with one agency's address changed, one agency added, and Sở Giáo dục và Đào tạo left out
        // (kept as it is: the groups that name it as a member still may).
        var exportedDirectory = AgencyDirectoryFile.ReadYaml(yaml, "danh-ba.yaml").Directory!;
        var edited = AgencyDirectoryFile.WriteYaml(new AgencyDirectory(exportedDirectory.Agencies
            .Where(a => a.Id.Value != "so-giao-duc-va-dao-tao")
            .Select(a => a.Id.Value == "so-tai-chinh" ? a with { To = new[] { "vanthu.stc@example.org" }.ToValueList() } : a)
            .Prepend(new Agency(new AgencyId("so-y-te"), "Sở Y tế", Array.Empty<string>().ToValueList(), new[] { "soyte@example.org" }.ToValueList(),
                Array.Empty<string>().ToValueList(), new AgencyId("ubnd-tinh"), Array.Empty<AgencyId>().ToValueList(), false))));
        var preview = await UploadAsync(admin, csrf, edited, "danh-ba.yaml");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("thêm 1 cơ quan, sửa 1 cơ quan", preview.Html, StringComparison.Ordinal);
        Assert.Contains("<li>Sở Y tế (so-y-te)</li>", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính (so-tai-chinh): gửi tới: so-tai-chinh@example.org → vanthu.stc@example.org", preview.Html, StringComparison.Ordinal);
        Assert.Contains("<li>Sở Giáo dục và Đào tạo (so-giao-duc-va-dao-tao)</li>", preview.Html, StringComparison.Ordinal);
        Assert.Equal(before, AgencyDirectoryFile.WriteYaml(await web.Get<AgencyStore>().LoadAsync(Ct)));

        var content = Regex.Match(preview.Html, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var saved = await admin.PostAsync("console/agencies/import/save", ("csrf", csrf), ("content", content), ("fileName", "danh-ba.yaml")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        var after = await web.Get<AgencyStore>().LoadAsync(Ct);
        Assert.Equal("vanthu.stc@example.org", after.Find(new AgencyId("so-tai-chinh"))!.To.Single());
        Assert.NotNull(after.Find(new AgencyId("so-y-te")));
        Assert.NotNull(after.Find(new AgencyId("so-giao-duc-va-dao-tao")));
        Assert.Contains(await web.Get<AdminUsers>().AuditTrailAsync(5, Ct), a => a is { Action: "agency-import", Subject: "danh-ba.yaml", By: Admin });
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(ConsoleBrowser browser, string csrf, string text, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await browser.PostMultipartAsync("console/agencies/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { file, "file", name } });
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}
