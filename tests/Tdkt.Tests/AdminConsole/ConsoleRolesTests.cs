using System.Net;
using Microsoft.Extensions.Options;
using Tdkt.Administration;
using Tdkt.Storage;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Users and roles: added, listed and removed from the command line and the console page; a viewer sees everything and
/// the server refuses its changes (not just hidden buttons); no change without the session's anti-forgery token; every
/// change audited with the signed-in person; the platform's sign-in header trusted only when the platform's authentication is on.
/// </summary>
public sealed class ConsoleRolesTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private const string Leader = "lanhdao@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_sees_everything_and_the_server_refuses_its_changes_and_any_change_without_the_anti_forgery_token()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        var env = Environment(web);
        using var admin = new ConsoleBrowser(web);
        using var leader = new ConsoleBrowser(web);

        // The command line adds the viewer and prints a one-time link for it; list shows both.
        var added = await CliInProcess.RunAsync(env, "admin", "add", Leader, "--role", "viewer");
        var badRole = await CliInProcess.RunAsync(env, "admin", "add", Leader, "--role", "owner");
        var listed = await CliInProcess.RunAsync(env, "admin", "list");
        var link = await CliInProcess.RunAsync(env, "admin", "link", Leader);
        var stranger = await CliInProcess.RunAsync(env, "admin", "link", "nguoila@example.org");
        Assert.Equal((0, $"Đã thêm {Leader} (Chỉ xem). Đường dẫn đăng nhập: tdkt admin link {Leader}\n"), (added.ExitCode, added.StdOut));
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("--role owner không hợp lệ: dùng admin hoặc viewer", badRole.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{Admin}\tQuản trị", listed.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{Leader}\tChỉ xem", listed.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, link.ExitCode);
        Assert.Equal(2, stranger.ExitCode);

        await admin.SignInAsAsync(Admin);
        await leader.SignInAsync(link.StdOut.Trim());

        // The viewer sees the dashboard and the users, without the forms; its changes are refused by the server.
        Assert.Contains($"Kế hoạch số {web.Plan.Number}", WebUtility.HtmlDecode(await leader.PageAsync("console")), StringComparison.Ordinal);
        var leaderUsers = WebUtility.HtmlDecode(await leader.PageAsync("console/users"));
        Assert.Contains(Admin, leaderUsers, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/console/users\"", leaderUsers, StringComparison.Ordinal);
        var leaderCsrf = ConsoleBrowser.CsrfIn(leaderUsers);
        using (var refused = await leader.PostAsync("console/users", ("csrf", leaderCsrf), ("email", "them@example.org"), ("role", "admin")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("chỉ có quyền xem", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var refused = await leader.PostAsync("console/users/remove", ("csrf", leaderCsrf), ("email", Admin)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Null(await web.Get<AdminUsers>().FindAsync("them@example.org", Ct));
        Assert.NotNull(await web.Get<AdminUsers>().FindAsync(Admin, Ct));

        // The administrator's change needs its own session's token: none, or the viewer's, is refused.
        using (var noToken = await admin.PostAsync("console/users", ("email", "them@example.org"), ("role", "viewer")))
        using (var otherToken = await admin.PostAsync("console/users", ("csrf", leaderCsrf), ("email", "them@example.org"), ("role", "viewer")))
        {
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (noToken.StatusCode, otherToken.StatusCode));
        }
        Assert.Null(await web.Get<AdminUsers>().FindAsync("them@example.org", Ct));
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/users"));
        using (var saved = await admin.PostAsync("console/users", ("csrf", csrf), ("email", "Them@Example.org"), ("role", "viewer")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        Assert.Equal(AdminRole.Viewer, (await web.Get<AdminUsers>().FindAsync("them@example.org", Ct))!.Role);

        // The last administrator cannot be removed; removing the viewer ends its session at once.
        using (var last = await admin.PostAsync("console/users/remove", ("csrf", csrf), ("email", Admin)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, last.StatusCode);
            Assert.Contains("quản trị viên duy nhất", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var removed = await admin.PostAsync("console/users/remove", ("csrf", csrf), ("email", Leader)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        }
        using (var gone = await leader.GetAsync("console"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, gone.StatusCode);
        }

        // The audit names who did each change; the page shows it.
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(20, Ct);
        Assert.Equal(Admin, audit.Single(a => a.Action == AdminUsers.Actions.Remove).By);
        Assert.Equal(Admin, audit.Single(a => a.Action == AdminUsers.Actions.Add && a.Subject == "them@example.org").By);
        Assert.StartsWith("tdkt (", audit.Single(a => a.Action == AdminUsers.Actions.Add && a.Subject == Leader).By, StringComparison.Ordinal);
        Assert.Contains("bớt người dùng", WebUtility.HtmlDecode(await admin.PageAsync("console/users")), StringComparison.Ordinal);
        var remove = await CliInProcess.RunAsync(env, "admin", "remove", Admin);
        Assert.Equal(1, remove.ExitCode);
        Assert.Contains("quản trị viên duy nhất", remove.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platforms_sign_in_header_is_trusted_only_when_the_platforms_authentication_is_on()
    {
        await using (var selfHosted = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false))
        {
            using var forged = new ConsoleBrowser(selfHosted) { Principal = Admin };
            using var page = await forged.GetAsync("console");
            Assert.Equal((HttpStatusCode.SeeOther, "/console/signin"), (page.StatusCode, page.Headers.Location!.ToString()));
        }

        var settings = new Dictionary<string, string?>(ConsoleSignInTests.FirstAdmin) { ["WEBSITE_AUTH_ENABLED"] = "True" };
        await using var web = await WebScenario.StartAsync(services, settings, withPlan: false);
        using var signedIn = new ConsoleBrowser(web) { Principal = "QuanTri@example.org" };
        using var anonymous = new ConsoleBrowser(web);
        using var unlisted = new ConsoleBrowser(web) { Principal = "nguoila@example.org" };

        Assert.Contains($"{Admin} (Quản trị)", WebUtility.HtmlDecode(await signedIn.PageAsync("console")), StringComparison.Ordinal);
        using var login = await anonymous.GetAsync("console");
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/console", login.Headers.Location!.ToString());
        using var refused = await unlisted.GetAsync("console/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("chưa có trong danh sách", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        // Anti-forgery holds there too.
        using var noToken = await signedIn.PostAsync("console/users", ("email", "them@example.org"), ("role", "viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
    }

    private static Dictionary<string, string> Environment(WebScenario web) => new()
    {
        ["Tdkt__Storage__ConnectionString"] = web.Get<IOptions<StorageOptions>>().Value.ConnectionString!,
        ["Tdkt__Storage__Prefix"] = web.Get<IOptions<StorageOptions>>().Value.Prefix,
        ["Tdkt__Links__BaseUrl"] = web.Host.Address.ToString().TrimEnd('/'),
        ["Tdkt__Links__SigningKeys"] = WebScenario.SigningKeys,
        ["Tdkt__Console__FirstAdmin"] = Admin,
    };
}
