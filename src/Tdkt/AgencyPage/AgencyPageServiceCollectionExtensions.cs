using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.AgencyPage;

public static class AgencyPageServiceCollectionExtensions
{
    /// <summary>The agency's own page and calendar feed behind its link, and the answer to bad links.</summary>
    public static IServiceCollection AddAgencyPage(this IServiceCollection services)
    {
        services.TryAddSingleton<BadLinkThrottle>();
        services.TryAddSingleton<AgencyPages>();
        services.TryAddSingleton<AgencyCalendarFeed>();
        return services;
    }
}
