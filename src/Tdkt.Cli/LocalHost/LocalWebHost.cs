using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tdkt.Cli.LocalHost;

/// <summary>
/// The function app's HTTP side on Kestrel, for <c>tdkt up</c> and for the tests that exercise the
/// endpoints over real HTTP. The services come from the same composition root as the function app.
/// </summary>
public sealed class LocalWebHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalWebHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:7071/ (routes are under api/).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public static IReadOnlyList<FunctionRoute> Routes { get; } = FunctionRoutes.Discover(typeof(Tdkt.Functions.Health.HealthFunction).Assembly);

    /// <summary>
    /// Starts Kestrel on 127.0.0.1:<paramref name="port"/> (0 picks a free port). <paramref name="replace"/> registers
    /// services before the product's own (which are TryAdd), e.g. a test clock; non-anonymous routes need <paramref name="adminKey"/>.
    /// </summary>
    public static async Task<LocalWebHost> StartAsync(IConfiguration configuration, int port, string adminKey,
        Action<IServiceCollection>? replace = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(adminKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port);
            // The Functions host's request limit, so the functions see (and answer) what Azure would let through.
            k.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        replace?.Invoke(builder.Services);
        builder.Services.AddMvcCore();
        builder.Services.AddTdkt(builder.Configuration);
        var app = builder.Build();
        FunctionRoutes.Map(app, Routes, adminKey);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalWebHost(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
