using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>The server-rendered pages' templates.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.TryAddSingleton<PageTemplates>();
        return services;
    }
}
