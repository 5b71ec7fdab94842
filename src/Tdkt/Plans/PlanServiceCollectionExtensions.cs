using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Plans;

public static class PlanServiceCollectionExtensions
{
    /// <summary>Plans: reading and storing them, their lifecycle, and the days given to undated tasks.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanStore>();
        services.TryAddSingleton<PlanCache>();
        services.TryAddSingleton<PlanImport>();
        services.TryAddSingleton<PlanLifecycle>();
        services.TryAddSingleton<UndatedTasks>();
        return services;
    }
}
