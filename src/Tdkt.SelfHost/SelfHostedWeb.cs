using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Tdkt.Web;
using Tdkt.Web.Routing;
using Tdkt.Web.Telemetry;

namespace Tdkt.SelfHost;

/// <summary>
/// The product's HTTP side on Kestrel, for <c>tdkt up</c> and for the tests that exercise the endpoints over real HTTP.
/// The services come from the same composition root as the function app's, the routes from the same table.
/// </summary>
public sealed class SelfHostedWeb : IAsyncDisposable
{
    private readonly WebApplication app;

    private SelfHostedWeb(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:7071/ (routes are under api/).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Cancelled when the server begins to stop (also when its console lifetime got Ctrl+C or SIGTERM).</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    /// <summary>The routes this server answers, read from its own endpoints.</summary>
    public IReadOnlyList<ServedRoute> Served => [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<WebRoute>() is not null)
        .Select(e => new ServedRoute(e.Metadata.GetMetadata<WebRoute>()!.Name, e.RoutePattern.RawText!.TrimStart('/'),
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? [], e.Metadata.GetMetadata<WebRoute>()!.Access))];

    /// <summary>The endpoint ASP.NET Core routing selects when the path matches and the method does not.</summary>
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    /// <summary>
    /// Starts Kestrel on 127.0.0.1:<paramref name="port"/> (0 picks a free port). <paramref name="replace"/> registers
    /// services before the product's own (which are TryAdd), e.g. a test clock; admin routes need <paramref name="adminKey"/>.
    /// </summary>
    public static async Task<SelfHostedWeb> StartAsync(IConfiguration configuration, int port, string adminKey,
        Action<IServiceCollection>? replace = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(adminKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port);
            // The Functions host's request limit, so the handlers see (and answer) what Azure would let through.
            k.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        replace?.Invoke(builder.Services);
        builder.Services.AddTdkt(builder.Configuration).AddTdktWeb(builder.Configuration);
        // Each request a span (the Functions host makes them on Azure). An agency page's path carries its link token, a
        // credential, and so is an admin route's ?code=: the span keeps the route pattern instead of the path and no query;
        // the user agent and the client's address are personal data: dropped.
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (activity, response) =>
            {
                activity.SetTag("url.path", response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } ? "/" + route.TrimStart('/') : null);
                activity.SetTag("url.query", null);
                activity.SetTag("user_agent.original", null);
                activity.SetTag("client.address", null);
            }))
            .AddTdktTelemetry(builder.Configuration, "tdkt-up");
        var app = builder.Build();
        app.UseRouting();
        // As the Functions host answers: a path served only with other methods is not found (404), not 405.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.DisplayName == MethodNotAllowedEndpoint)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.MapTdktRoutes(adminKey);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SelfHostedWeb(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
