using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Links;

public static class LinkServiceCollectionExtensions
{
    /// <summary>Signed agency links: the token only, until the completion page that accepts them exists.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LinkTokens>();
        return services;
    }
}
