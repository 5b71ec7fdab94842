using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Reminders;

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SweepOptions>()
            .Bind(configuration.GetSection(SweepOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ReminderRules>();
        services.TryAddSingleton<SweepRuns>();
        services.TryAddSingleton<WeeklySummaries>();
        services.TryAddSingleton<PeriodicReports>();
        services.TryAddSingleton<SupervisorMail>();
        services.TryAddSingleton<SweepReader>();
        services.TryAddSingleton<SweepPlanner>();
        services.TryAddSingleton<ReminderForecast>();
        services.TryAddSingleton<ReminderSweep>();
        return services;
    }
}
