using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The daily sweep that runs everything due each day.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.TryAddSingleton<DailySweep>();
        return services;
    }
}
