using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>The console's users and sign-in links (the CLI adds users and mints links too).</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section));
        services.TryAddSingleton<AdminUsers>();
        services.TryAddSingleton<SignInLinks>();
        return services;
    }
}
