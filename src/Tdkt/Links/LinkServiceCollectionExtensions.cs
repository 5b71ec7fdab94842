using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Links;

public static class LinkServiceCollectionExtensions
{
    /// <summary>Signed agency links: the tokens, and the link each digest carries.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LinkTokens>();
        services.TryAddSingleton<AgencyLinks>();
        services.TryAddSingleton<LinkRevocations>();
        services.TryAddSingleton<Mail.IAgencyLinks>(sp => sp.GetRequiredService<AgencyLinks>());
        return services;
    }
}
