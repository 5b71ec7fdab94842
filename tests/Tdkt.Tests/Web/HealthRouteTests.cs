using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tdkt.Hosting;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Web;

/// <summary><c>GET /api/health</c> over HTTP, anonymous.</summary>
public sealed class HealthRouteTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_200_with_the_version_when_storage_is_reachable()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false, withDirectory: false);

        var response = await web.Http.GetAsync("api/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("ok", AppInfo.Current.PublicVersion, "2023-03-24T01:00:00Z"),
            (report.GetProperty("storage").GetString(), report.GetProperty("version").GetString(), report.GetProperty("checkedAt").GetString()));
    }

    [Fact]
    public async Task Health_answers_503_when_storage_cannot_be_reached()
    {
        var unreachable = services.Azurite.ConnectionString.Replace(
            $"127.0.0.1:{services.Azurite.TablePort}", $"127.0.0.1:{FreePort.Next()}", StringComparison.Ordinal);
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:ConnectionString"] = unreachable },
            withPlan: false, withDirectory: false);

        var response = await web.Http.GetAsync("api/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unreachable", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("storage").GetString());
    }
}
