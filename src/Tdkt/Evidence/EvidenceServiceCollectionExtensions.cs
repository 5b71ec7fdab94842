using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Files agencies attach to their assignments: the store and the checks on what is uploaded.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.TryAddSingleton<EvidenceStore>();
        services.TryAddSingleton<EvidenceService>();
        return services;
    }
}
