using System.Net;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Functions;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Every change the console takes, as the Functions host lists them (functions.metadata), so a route added later is
/// covered without being named here: without a session it is refused, without the session's anti-forgery token it is
/// refused, from a viewer with its own token it is refused; none of them changes anything. An administrator with the
/// token passes the same gate, so it is the gate that refused the others.
/// </summary>
public sealed class ConsoleChangeGuardTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private const string Leader = "lanhdao@example.org";
    private const string NoToken = "biểu mẫu không mang mã xác thực của phiên làm việc này";
    private const string ViewOnly = "chỉ có quyền xem";

    /// <summary>Signing in and out are how a session starts and ends, not changes.</summary>
    private static readonly string[] SessionRoutes = ["console/signin", "console/signin/{token}", "console/signout"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_console_change_is_refused_without_a_session_without_the_token_and_from_a_viewer_and_changes_nothing()
    {
        var changes = FunctionsMetadata.Read()
            .Where(f => f.Route is { } r && r.StartsWith("console/", StringComparison.Ordinal) && !SessionRoutes.Contains(r) && f.Methods!.Split(',').Contains("POST"))
            .Select(f => f.Route!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Superset(new HashSet<string>(["console/import/save", "console/plans/{id}/complete", "console/agencies/edit", "console/mail/retry", "console/calendar", "console/users"]),
            new HashSet<string>(changes));
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        await web.Get<AdminUsers>().SetAsync(Leader, AdminRole.Viewer, Admin, Ct);
        using var stranger = new ConsoleBrowser(web);
        using var admin = new ConsoleBrowser(web);
        using var viewer = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        await viewer.SignInAsAsync(Leader);
        var adminToken = ConsoleBrowser.CsrfIn(await admin.PageAsync("console"));
        var viewerToken = ConsoleBrowser.CsrfIn(await viewer.PageAsync("console"));
        var before = await SnapshotAsync(web);

        foreach (var route in changes)
        {
            var path = route.Replace("{id}", web.Plan.Id.Value, StringComparison.Ordinal);
            // Fields a real form of that page could carry, so only the gate stands between them and a change.
            (string, string)[] fields = [("task", "1"), ("agency", "so-noi-vu"), ("key", "2023-03-24/daily/so-noi-vu"), ("email", Admin), ("status", "archived"),
                ("year", "2023"), ("reason", "thử"), ("number", "999/KH-UBND"), ("to", "2023-12-31")];

            using (var unsigned = await stranger.PostAsync(path, [("csrf", adminToken), .. fields]))
            {
                Assert.True(unsigned.StatusCode == HttpStatusCode.Unauthorized, $"{route} without a session answered {(int)unsigned.StatusCode}");
            }
            using (var tokenless = await admin.PostAsync(path, fields))
            {
                Assert.True(tokenless.StatusCode == HttpStatusCode.Forbidden && (await TextAsync(tokenless)).Contains(NoToken, StringComparison.Ordinal),
                    $"{route} without the token answered {(int)tokenless.StatusCode}");
            }
            using (var foreign = await admin.PostAsync(path, [("csrf", viewerToken), .. fields]))
            {
                Assert.True(foreign.StatusCode == HttpStatusCode.Forbidden && (await TextAsync(foreign)).Contains(NoToken, StringComparison.Ordinal),
                    $"{route} with another session's token answered {(int)foreign.StatusCode}");
            }
            using (var viewed = await viewer.PostAsync(path, [("csrf", viewerToken), .. fields]))
            {
                Assert.True(viewed.StatusCode == HttpStatusCode.Forbidden && (await TextAsync(viewed)).Contains(ViewOnly, StringComparison.Ordinal),
                    $"{route} from a viewer answered {(int)viewed.StatusCode}");
            }
        }
        Assert.Equal(before, await SnapshotAsync(web));

        // The administrator with its token gets past the gate on every one of them.
        foreach (var route in changes)
        {
            using var passed = await admin.PostAsync(route.Replace("{id}", web.Plan.Id.Value, StringComparison.Ordinal), ("csrf", adminToken), ("year", "2023"));
            var text = await TextAsync(passed);
            Assert.False(passed.StatusCode == HttpStatusCode.Unauthorized || text.Contains(NoToken, StringComparison.Ordinal) || text.Contains(ViewOnly, StringComparison.Ordinal),
                $"{route}: the administrator was refused by the gate ({(int)passed.StatusCode})");
        }
    }

    [Fact]
    public async Task Every_console_page_sends_a_stranger_to_sign_in_and_shows_nothing_of_the_plans()
    {
        var pages = FunctionsMetadata.Read()
            .Where(f => f.Route is { } r && r.StartsWith("console", StringComparison.Ordinal) && !SessionRoutes.Contains(r) && f.Methods!.Split(',').Contains("GET"))
            .Select(f => f.Route!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Superset(new HashSet<string>(["console", "console/plans/{id}", "console/mail", "console/agencies", "console/import", "console/calendar", "console/users"]),
            new HashSet<string>(pages));
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var stranger = new ConsoleBrowser(web);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        foreach (var route in pages)
        {
            var path = route.Replace("{id}", web.Plan.Id.Value, StringComparison.Ordinal);
            using var refused = await stranger.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.SeeOther && refused.Headers.Location?.OriginalString == "/console/signin",
                $"{route} without a session answered {(int)refused.StatusCode} {refused.Headers.Location}");
            Assert.DoesNotContain(web.Plan.Number, await TextAsync(refused), StringComparison.Ordinal);
            // An administrator gets past the gate (a page that needs more, such as which mail to show, may then say it is not there).
            using var shown = await admin.GetAsync(path);
            Assert.True(shown.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && shown.Headers.Location is null,
                $"{route} for an administrator answered {(int)shown.StatusCode} {shown.Headers.Location}");
        }
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    /// <summary>What a change would touch: the audit trail, the plan and its assignments, the directory, the users, the calendar, the outbox.</summary>
    private static async Task<string> SnapshotAsync(WebScenario web)
    {
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(1000, Ct);
        var summary = await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct);
        var plan = await web.Get<PlanStore>().GetAsync(web.Plan.Id, Ct);
        var directory = await web.Get<AgencyStore>().LoadAsync(Ct);
        var users = await web.Get<AdminUsers>().ListAsync(Ct);
        var report = await web.Get<Tdkt.Reports.PlanReports>().ComputeAsync(web.Plan.Id, null, _ => { }, Ct);
        return string.Join("\n",
            $"audit {audit.Count}",
            $"plan {summary?.Status} {summary?.Number} {plan?.Tasks.Count}",
            $"report {System.Text.Json.JsonSerializer.Serialize(report)}",
            $"agencies {string.Join(";", directory.Agencies.Select(a => $"{a.Id}:{a.Name}:{string.Join(",", a.To)}:{string.Join(",", a.Aliases)}"))}",
            $"users {string.Join(";", users.Select(u => $"{u.Email}:{u.Role}"))}");
    }
}
