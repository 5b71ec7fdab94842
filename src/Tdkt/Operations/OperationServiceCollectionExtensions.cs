using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Operations;

public static class OperationServiceCollectionExtensions
{
    /// <summary>What an operator is warned about, and the health summary built on it.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<HealthCheck>();
        services.TryAddSingleton<OperationalChecks>();
        return services;
    }
}
