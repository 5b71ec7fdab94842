using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Assignments;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// X-Forwarded-For is believed only from a configured proxy: on <c>tdkt up</c> (no proxy configured) a client that
/// rotates the header neither escapes the bad-link slow-down nor writes the address the audit keeps. Past the global
/// limit every bad link is slowed down, for hosts where client addresses cannot be told apart.
/// </summary>
public sealed class ForwardedForTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Untrusted => new() { ["Tdkt:Web:TrustedProxies"] = "" };

    [Fact]
    public async Task Without_a_trusted_proxy_a_rotating_X_Forwarded_For_is_still_one_client_and_is_slowed_down()
    {
        await using var web = await WebScenario.StartAsync(services, Untrusted);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= BadLinkThrottle.FreeAttempts; i++)
        {
            answers.Add((await web.Http.GetFromAsync($"api/a/guess{i}", $"198.51.100.{i + 1}", Ct)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Forbidden, BadLinkThrottle.FreeAttempts), answers.Take(BadLinkThrottle.FreeAttempts));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Theory]
    [InlineData("", "127.0.0.1")]
    [InlineData("127.0.0.1, ::1", "203.0.113.9")]
    public async Task The_audit_keeps_the_forwarded_address_only_when_the_proxy_is_trusted(string trusted, string recorded)
    {
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Web:TrustedProxies"] = trusted });

        var response = await web.PostAsync(web.PagePath("so-noi-vu"), web.Task("1"), forwardedFor: "192.0.2.1, 203.0.113.9");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var audit = Assert.Single(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.Equal(recorded, audit.ClientIp);
    }

    [Fact]
    public void Past_the_global_limit_every_bad_link_is_slowed_down_whatever_address_it_comes_from()
    {
        var throttle = new BadLinkThrottle(new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 12, 1, 1, 0)));

        for (var i = 0; i < BadLinkThrottle.GlobalFreeAttempts; i++)
        {
            Assert.False(throttle.IsThrottled($"client-{i}"));
            throttle.RecordFailure($"client-{i}");
        }

        Assert.True(throttle.IsThrottled("a-new-client"));
    }

    [Fact]
    public void A_trusted_proxies_setting_that_is_not_an_address_stops_the_host_with_a_clear_message()
    {
        using var provider = TestHost.Services(services.Azurite.ConnectionString, NodaTime.Instant.FromUtc(2026, 12, 1, 1, 0),
            new Dictionary<string, string?> { ["Tdkt:Web:TrustedProxies"] = "10.0.0.0/8, proxy.example.org" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value);
        Assert.Contains("Tdkt:Web:TrustedProxies", error.Message, StringComparison.Ordinal);
    }
}
