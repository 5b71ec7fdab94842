using System.Net;
using Microsoft.Extensions.Configuration;
using Tdkt.SelfHost;
using Tdkt.Tests.Functions;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Routing;

namespace Tdkt.Tests.LocalHost;

public sealed class LocalHostTests(LocalServices services)
{
    private async Task<SelfHostedWeb> StartAsync() => await SelfHostedWeb.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Tdkt:Storage:ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix(),
    }).Build(), 0, "the-admin-key", cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_self_hosted_server_serves_exactly_the_http_routes_methods_and_levels_of_functions_metadata()
    {
        await using var host = await StartAsync();
        var declared = FunctionsMetadata.Read()
            .Where(f => f.Type == "httpTrigger")
            .Select(f => $"{f.Name} {f.Methods} /{f.Route} {f.AuthLevel}")
            .Order(StringComparer.Ordinal);
        // Read from the running server's own endpoints, not from the table it was built from.
        var served = host.Served
            .Select(r => $"{r.Name} {string.Join(",", r.Methods.Order(StringComparer.Ordinal))} /{r.Pattern} {(r.Access == RouteAccess.AdminKey ? "Function" : "Anonymous")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, served);
        Assert.Contains(served, r => r.StartsWith("Health ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_routes_answer_without_a_key_and_admin_routes_only_with_the_admin_key()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        var ct = TestContext.Current.CancellationToken;

        var health = await http.GetAsync("api/health", ct);
        var noKey = await http.GetAsync("api/plans", ct);
        var wrongKey = await http.GetAsync("api/plans?code=not-the-key", ct);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "api/plans") { Headers = { { "x-functions-key", "the-admin-key" } } };
        var withKey = await http.SendAsync(withHeader, ct);
        var wrongMethod = await http.DeleteAsync("api/plans?code=the-admin-key", ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"healthy\":true", await health.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal("[]", await withKey.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
    }
}
