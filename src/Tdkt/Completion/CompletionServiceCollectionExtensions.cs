using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Completion;

public static class CompletionServiceCollectionExtensions
{
    /// <summary>Recording and undoing completions, on the agency's behalf or through its link, and repairing the index after them.</summary>
    public static IServiceCollection AddCompletion(this IServiceCollection services)
    {
        services.TryAddSingleton<CompletionStore>();
        services.TryAddSingleton<IndexRepair>();
        services.TryAddSingleton<CompletionService>();
        services.TryAddSingleton<AdminCompletion>();
        return services;
    }
}
