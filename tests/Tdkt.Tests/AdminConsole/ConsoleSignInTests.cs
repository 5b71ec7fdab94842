using System.Net;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// The console's sign-in over real HTTP against Azurite: a one-time link (15 minutes, used once; its page uses nothing, so
/// mail scanners do not burn it) gives a signed session cookie; no console page answers without a session; sign-out ends it.
/// </summary>
public sealed class ConsoleSignInTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> FirstAdmin => new() { ["Tdkt:Console:FirstAdmin"] = "  QuanTri@Example.org " };

    [Fact]
    public async Task A_link_signs_in_once_and_its_session_opens_the_console_until_sign_out()
    {
        await using var web = await WebScenario.StartAsync(services, FirstAdmin);
        using var browser = new ConsoleBrowser(web);

        // Without a session no console page answers: pages go to the sign-in page, changes are refused.
        foreach (var path in new[] { "console", "console/users" })
        {
            using var page = await browser.GetAsync(path);
            Assert.Equal((HttpStatusCode.SeeOther, "/console/signin"), (page.StatusCode, page.Headers.Location!.ToString()));
        }
        using (var post = await browser.PostAsync("console/users", ("email", "x@example.org"), ("role", "admin")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }
        Assert.Null(await web.Get<AdminUsers>().FindAsync("x@example.org", Ct));

        var link = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;
        // The link's page names the person and offers the button; opening it twice uses nothing.
        Assert.Contains(Admin, await browser.PageAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
        using var signedIn = await browser.SignInAsync(link);

        Assert.Equal((HttpStatusCode.SeeOther, "/console"), (signedIn.StatusCode, signedIn.Headers.Location!.ToString()));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tdkt_console=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/console", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal); // plain http here; https gets Secure

        var dashboard = WebUtility.HtmlDecode(await browser.PageAsync("console"));
        Assert.Contains($"{Admin} (Quản trị)", dashboard, StringComparison.Ordinal);
        Assert.Contains($"Kế hoạch số {web.Plan.Number}", dashboard, StringComparison.Ordinal);
        Assert.Contains("<svg", dashboard, StringComparison.Ordinal);

        // Used once: the second press (and a forged or changed cookie) gives nothing.
        using (var again = await browser.PostAsync(new Uri(link).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains("đã được dùng", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        var session = browser.Cookie!;
        browser.Cookie = session[..^2] + (session[^2] == 'A' ? "BB" : "AA");
        using (var forged = await browser.GetAsync("console"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, forged.StatusCode);
        }
        browser.Cookie = session;

        // Sign-out needs the session's anti-forgery token; after it, the same cookie opens nothing.
        var csrf = ConsoleBrowser.CsrfIn(dashboard);
        web.Clock.Advance(Duration.FromMinutes(5));
        using (var noToken = await browser.PostAsync("console/signout"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        }
        using (var signOut = await browser.PostAsync("console/signout", ("csrf", csrf)))
        {
            Assert.Equal((HttpStatusCode.SeeOther, "/console/signin?m=out"), (signOut.StatusCode, signOut.Headers.Location!.ToString()));
        }
        browser.Cookie = session;
        using (var after = await browser.GetAsync("console"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        }
        using (var again = await browser.PostAsync("console/signout", ("csrf", csrf)))
        {
            // Signing out of a session that has ended: nothing to refuse, back to the sign-in page.
            Assert.Equal((HttpStatusCode.SeeOther, "/console/signin"), (again.StatusCode, again.Headers.Location!.ToString()));
        }
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(10, Ct);
        // Newest first: the sign-out (five minutes later) before the first administrator's addition and the sign-in (same instant).
        Assert.Equal(AdminUsers.Actions.SignOut, audit[0].Action);
        Assert.Equal([AdminUsers.Actions.SignIn, AdminUsers.Actions.Add], audit.Skip(1).Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.All(audit.Where(a => a.Action != AdminUsers.Actions.Add), a => Assert.Equal(Admin, a.By));
        Assert.Equal("triển khai", audit.Single(a => a.Action == AdminUsers.Actions.Add).By);
    }

    [Fact]
    public async Task Two_presses_of_one_link_at_the_same_moment_make_one_session()
    {
        await using var web = await WebScenario.StartAsync(services, FirstAdmin, withPlan: false);
        var path = new Uri(SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!).PathAndQuery;
        var browsers = Enumerable.Range(0, 6).Select(_ => new ConsoleBrowser(web)).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select(b => b.PostAsync(path)));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.SeeOther));
            Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Gone));
            Assert.Single(browsers, b => b.Cookie is not null);
            Assert.Single(await web.Get<AdminUsers>().AuditTrailAsync(10, Ct), a => a.Action == AdminUsers.Actions.SignIn);
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public async Task An_expired_link_and_a_session_past_eight_hours_are_refused()
    {
        await using var web = await WebScenario.StartAsync(services, FirstAdmin, withPlan: false);
        using var browser = new ConsoleBrowser(web);
        var late = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;
        var fresh = SignInLinks.Url(web.Host.Address.ToString(), (await web.Get<SignInLinks>().CreateAsync(Admin, Ct))!)!;

        web.Clock.Advance(Duration.FromMinutes(16));
        using (var page = await browser.GetAsync(new Uri(late).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            Assert.Contains("đã hết hạn", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var press = await browser.PostAsync(new Uri(late).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Gone, press.StatusCode);
            Assert.Null(browser.Cookie);
        }
        using (var unknown = await browser.GetAsync("console/signin/" + new string('A', 43)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        web.Clock.Reset(web.Clock.GetCurrentInstant() - Duration.FromMinutes(16));
        using (var ok = await browser.SignInAsync(fresh))
        {
            Assert.Equal(HttpStatusCode.SeeOther, ok.StatusCode);
        }
        await browser.PageAsync("console");
        web.Clock.Advance(Duration.FromHours(8) + Duration.FromMinutes(1));
        using var expired = await browser.GetAsync("console");
        Assert.Equal(HttpStatusCode.SeeOther, expired.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_mails_a_link_to_a_listed_user_only_and_says_the_same_to_anyone()
    {
        var sender = $"console-{Guid.NewGuid():N}@tdkt.invalid";
        var settings = new Dictionary<string, string?>(FirstAdmin);
        foreach (var (k, v) in services.Smtp4dev.MailSettings(sender))
        {
            settings[k] = v;
        }
        await using var web = await WebScenario.StartAsync(services, settings, withPlan: false);
        using var browser = new ConsoleBrowser(web);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);

        using var stranger = await browser.PostAsync("console/signin", ("email", "nguoila@example.org"));
        using var listed = await browser.PostAsync("console/signin", ("email", Admin.ToUpperInvariant()));
        using var bad = await browser.PostAsync("console/signin", ("email", "không phải thư"));

        Assert.Equal((HttpStatusCode.SeeOther, "/console/signin?m=sent"), (stranger.StatusCode, stranger.Headers.Location!.ToString()));
        Assert.Equal((HttpStatusCode.SeeOther, "/console/signin?m=sent"), (listed.StatusCode, listed.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var mail = (await inbox.MessagesFromAsync(sender)).Single().Message;
        Assert.Equal(Admin, mail.To.Mailboxes.Single().Address);
        Assert.Equal("[TĐKT] Đường dẫn đăng nhập trang quản trị", mail.Subject);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"http\S+/console/signin/[A-Za-z0-9_-]{43}").Value;
        using var signedIn = await browser.SignInAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Contains(Admin, await browser.PageAsync("console"), StringComparison.Ordinal);
    }
}
