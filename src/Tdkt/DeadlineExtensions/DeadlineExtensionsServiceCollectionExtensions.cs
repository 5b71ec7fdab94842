using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.DeadlineExtensions;

public static class DeadlineExtensionsServiceCollectionExtensions
{
    /// <summary>Requests for more time: the store, the decisions and what the digests tell about them.</summary>
    public static IServiceCollection AddDeadlineExtensions(this IServiceCollection services)
    {
        services.TryAddSingleton<ExtensionStore>();
        services.TryAddSingleton<ExtensionService>();
        services.TryAddSingleton<ExtensionNotes>();
        services.TryAddSingleton<AdminExtensions>();
        return services;
    }
}
