using System.Net;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Cơ quan over real HTTP: the directory as stored; an administrator sees an agency's link and revokes it (the old
/// link then opens nothing, the new one works); a viewer sees neither the link nor the button and its revocation is
/// refused; the export reads back as the same directory.
/// </summary>
public sealed class ConsoleAgenciesTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_sees_and_revokes_an_agencys_link_a_viewer_cannot_and_the_export_reads_back()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        var page = WebUtility.HtmlDecode(await admin.PageAsync("console/agencies"));
        Assert.Contains($"{Samples.Directory().Agencies.Count} cơ quan, đơn vị trong danh bạ.", page, StringComparison.Ordinal);
        Assert.Contains("<td>Sở Nội vụ<br><a href=\"/console/agencies/edit?id=so-noi-vu\">Sửa</a></td><td>so-noi-vu</td>", page, StringComparison.Ordinal);
        var shown = WebUtility.HtmlDecode(await admin.PageAsync("console/agencies?link=so-noi-vu"));
        var link = System.Text.RegularExpressions.Regex.Match(shown, "<span class=\"feed-url\">(http[^<]+/api/a/[^<]+)</span>").Groups[1].Value;
        Assert.NotEmpty(link);
        using (var opens = await web.Http.GetAsync(new Uri(link).PathAndQuery, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, opens.StatusCode);
        }

        using (var revoked = await admin.PostAsync("console/agencies/revoke", ("csrf", ConsoleBrowser.CsrfIn(page)), ("agency", "so-noi-vu")))
        {
            var back = WebUtility.HtmlDecode(await admin.PageAsync(revoked.Headers.Location!.ToString()));
            Assert.Contains("Đã thu hồi mọi đường dẫn đã gửi cho Sở Nội vụ (lần thu hồi thứ 1)", back, StringComparison.Ordinal);
        }
        Assert.Contains(await web.Get<AdminUsers>().AuditTrailAsync(10, Ct), a => a is { Action: "agency-link-revoke", Subject: "so-noi-vu", Detail: "lần 1" } && a.By == Admin);
        // The same host knows its own revocation at once (another instance within LinkRevocations.CacheFor).
        using (var old = await web.Http.GetAsync(new Uri(link).PathAndQuery, Ct))
        {
            Assert.NotEqual(HttpStatusCode.OK, old.StatusCode);
        }
        var fresh = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await admin.PageAsync("console/agencies?link=so-noi-vu")),
            "<span class=\"feed-url\">(http[^<]+/api/a/[^<]+)</span>").Groups[1].Value;
        using (var opens = await web.Http.GetAsync(new Uri(fresh).PathAndQuery, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, opens.StatusCode);
        }

        // The export reads back as the stored directory.
        using (var export = await admin.GetAsync("console/agencies/export"))
        {
            Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
            var read = AgencyDirectoryFile.Read(await export.Content.ReadAsStringAsync(Ct), "danh-ba-co-quan.yaml");
            Assert.Empty(read.Errors);
            Assert.Equal((await web.Get<AgencyStore>().LoadAsync(Ct)).Agencies.Select(a => a.Id), read.Directory!.Agencies.Select(a => a.Id));
        }

        // A viewer: no link, no button, and the server refuses the revocation.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync("lanhdao@example.org");
        var seen = await viewer.PageAsync("console/agencies?link=so-noi-vu");
        Assert.DoesNotContain("/api/a/", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Thu hồi đường dẫn", seen, StringComparison.Ordinal);
        using var refused = await viewer.PostAsync("console/agencies/revoke", ("csrf", ConsoleBrowser.CsrfIn(seen)), ("agency", "so-noi-vu"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, await web.Get<Tdkt.Links.LinkRevocations>().GenerationAsync("so-noi-vu", Ct));
    }
}
