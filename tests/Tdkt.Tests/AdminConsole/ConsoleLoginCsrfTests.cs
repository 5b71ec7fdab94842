using System.Net;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>Login CSRF: another site's page cannot sign a browser in with its own link, nor make the sign-in page mail a link.</summary>
public sealed class ConsoleLoginCsrfTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
