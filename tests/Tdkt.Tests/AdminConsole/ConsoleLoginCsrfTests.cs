using System.Net;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Console;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Login CSRF: another site's page cannot sign a browser in with its own link, nor make the sign-in page mail a link; and
/// the page answers a listed address as it answers any other, whatever the mail server does.
/// </summary>
public sealed class ConsoleLoginCsrfTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sign_in_page_answers_a_listed_address_without_waiting_for_a_mail_server_that_stalls_or_refuses()
    {
        // A mail server that accepts the connection and says nothing until released; then one that refuses with 550.
        using var stalled = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        stalled.Start();
        var port = ((IPEndPoint)stalled.LocalEndpoint).Port;
        var release = new TaskCompletionSource();
        var accepted = Task.Run(async () =>
        {
            using var client = await stalled.AcceptTcpClientAsync(Ct);
            await release.Task;
            var stream = client.GetStream();
            await stream.WriteAsync("550 5.7.1 quantri@example.org refused\r\n"u8.ToArray(), Ct);
        }, Ct);
        var settings = new Dictionary<string, string?>(ConsoleSignInTests.FirstAdmin)
        {
            ["Tdkt:Mail:Channel"] = "Smtp", ["Tdkt:Mail:From"] = "nhac-viec@tdkt.invalid",
            ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1", ["Tdkt:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var web = await WebScenario.StartAsync(services, settings, withPlan: false);
        using var browser = new ConsoleBrowser(web);

        // Both answered while the mail server has not said a word: the listed one cannot be told by the wait.
        // (Before, the listed address waited for the server's greeting until the client's timeout, then answered.)
        using var listed = await browser.PostAsync("console/signin", ("email", "quantri@example.org")).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        using var stranger = await browser.PostAsync("console/signin", ("email", "nguoila@example.org")).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
        await accepted;

        Assert.Equal((HttpStatusCode.SeeOther, "/console/signin?m=sent"), (listed.StatusCode, listed.Headers.Location!.ToString()));
        Assert.Equal((HttpStatusCode.SeeOther, "/console/signin?m=sent"), (stranger.StatusCode, stranger.Headers.Location!.ToString()));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://ke-gian.invalid")]
    [InlineData("Origin", "null")]
    public async Task A_sign_in_posted_from_another_site_is_refused_and_leaves_the_link_usable(string header, string value)
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        var token = (await web.Get<SignInLinks>().CreateAsync("quantri@example.org", Ct))!;
        var path = new Uri(SignInLinks.Url(web.Host.Address.ToString(), token)!).AbsolutePath.TrimStart('/');

        using var forged = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        forged.Headers.TryAddWithoutValidation(header, value);
        using var refused = await web.Http.SendAsync(forged, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "console/signin") { Content = new FormUrlEncodedContent([new("email", "quantri@example.org")]) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var mailed = await web.Http.SendAsync(request, Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refused.StatusCode, mailed.StatusCode));
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Contains("yêu cầu được gửi từ một trang khác", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // The same link from the system's own page still signs in.
        using var own = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        own.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        own.Headers.TryAddWithoutValidation("Origin", web.Host.Address.GetLeftPart(UriPartial.Authority));
        using var signedIn = await web.Http.SendAsync(own, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleSessions.CookieName + "=", StringComparison.Ordinal));
    }
}
