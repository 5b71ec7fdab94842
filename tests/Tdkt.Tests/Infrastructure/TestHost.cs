using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Tdkt.Web;

namespace Tdkt.Tests.Infrastructure;

/// <summary>The product's own composition root, pointed at the test's Azurite and a fake clock.</summary>
public static class TestHost
{
    /// <summary>A table-name prefix of this test's own, so tests sharing one Azurite never see each other's rows.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static ServiceProvider Services(string storageConnection, Instant now, IDictionary<string, string?>? settings = null, CapturedLogs? logs = null,
        Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tdkt:Storage:ConnectionString"] = storageConnection })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(now));
        services.AddSingleton<TimeProvider>(new ShiftedTime());
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        // Registered before AddTdkt, whose TryAdd… then keeps them: how a test swaps in, say, a stub's sign-in.
        replace?.Invoke(services);
        services.AddTdkt(configuration).AddTdktWeb(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
