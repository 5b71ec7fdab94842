using System.Text;
using Tdkt.Tests.AdminConsole;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Operations;

/// <summary>
/// No secret leaves in exported telemetry: the long-running host, at the log level a deployment uses (Information), over
/// real requests carrying an agency's link token, the admin key, a console cookie and addresses, exports logs, spans and
/// metrics over OTLP to a receiver; none of those values is in any of them.
/// </summary>
[Collection(nameof(TelemetryListeners))]
public sealed class TelemetrySecretsTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_spans_and_metrics_exported_over_OTLP_carry_no_key_token_cookie_or_address()
    {
        await using var receiver = new OtlpReceiver();
        var settings = new Dictionary<string, string?>(ConsoleSignInTests.FirstAdmin)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["Logging:LogLevel:Default"] = "Information",
        };
        string token, cookie;
        await using (var web = await WebScenario.StartAsync(services, settings))
        {
            var page = web.PagePath("so-noi-vu");
            token = WebScenario.TokenOf(page);
            Assert.Contains("Sở Nội vụ", await web.PageAsync(page), StringComparison.Ordinal);
            Assert.Contains("Sở Nội vụ", await web.PageAsync(page + "?m=done&t=x"), StringComparison.Ordinal);
            using (await web.Http.GetAsync($"api/plans?code={WebScenario.AdminKey}", Ct))
            using (await web.Http.GetAsync($"api/plans?code={WebScenario.AdminKey}x", Ct))
            using (await web.Http.GetAsync($"api/a/{token}x", Ct))
            {
            }
            using var admin = new ConsoleBrowser(web);
            await admin.SignInAsAsync("quantri@example.org");
            cookie = admin.Cookie!;
            Assert.Contains("quantri@example.org", await admin.PageAsync("console/users"), StringComparison.Ordinal);
            using (await admin.PostAsync("console/signin", ("email", "quantri@example.org")))
            {
            }
        }

        // The host is stopped: every exporter has flushed.
        var exported = receiver.Requests.ToList();
        var logs = Text(exported, "/v1/logs");
        var traces = Text(exported, "/v1/traces");
        var everything = logs + traces + Text(exported, "/v1/metrics");
        // The requests are there, scrubbed: the framework's "Request starting" lines and the spans name the route, not the token.
        Assert.Contains("/api/a/{token}", logs, StringComparison.Ordinal);
        Assert.Contains("code=***", logs, StringComparison.Ordinal);
        Assert.NotEmpty(traces);
        foreach (var secret in new[] { token, token[..24], WebScenario.AdminKey, cookie, cookie[..24], "quantri@example.org", "so-noi-vu@" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static string Text(IEnumerable<OtlpRequest> requests, string path) =>
        string.Concat(requests.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
}
