using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Agencies;

public static class AgencyServiceCollectionExtensions
{
    /// <summary>The directory of agencies and its edits.</summary>
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.TryAddSingleton<AgencyStore>();
        services.TryAddSingleton<AgencyEdits>();
        return services;
    }
}
