using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The digests waiting to be sent, and what was sent.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<OutboxListing>();
        return services;
    }
}
