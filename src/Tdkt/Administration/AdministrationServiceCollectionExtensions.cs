using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>The console's users, sign-in links and sessions.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section));
        services.TryAddSingleton(new PlatformSignIn(string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)));
        services.TryAddSingleton<AdminUsers>();
        services.TryAddSingleton<SignInLinks>();
        services.TryAddSingleton<ConsoleSessions>();
        services.TryAddSingleton<ConsolePages>();
        services.TryAddSingleton<ConsoleDashboard>();
        services.TryAddSingleton<ConsolePlanPage>();
        services.TryAddSingleton<ConsoleMailPage>();
        services.TryAddSingleton<ConsoleAgenciesPage>();
        services.TryAddSingleton<ConsoleImportPage>();
        services.TryAddSingleton<ConsoleImportForecast>();
        services.TryAddSingleton<ConsolePlanActions>();
        services.TryAddSingleton<ConsoleAgencyEditing>();
        services.TryAddSingleton<ConsoleCalendarPage>();
        services.TryAddSingleton<SignInMail>();
        return services;
    }
}
