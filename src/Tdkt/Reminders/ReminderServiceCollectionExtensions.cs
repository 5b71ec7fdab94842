using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tdkt.Assignments;
using Tdkt.Calendar;
using Tdkt.Outbox;

namespace Tdkt.Reminders;

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SweepOptions>()
            .Bind(configuration.GetSection(SweepOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SweepOptions>>().Value.CalendarFile is { Length: > 0 } file
            ? WorkingCalendarFile.Read(File.ReadAllText(file), Path.GetFileName(file))
            : WorkingCalendarFile.LoadDefault());
        services.TryAddSingleton<CalendarStore>();
        services.TryAddSingleton<ReminderRules>();
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<SweepRuns>();
        services.TryAddSingleton<WeeklySummaries>();
        services.TryAddSingleton<Reports.Official.PeriodicReports>();
        services.TryAddSingleton<SupervisorMail>();
        services.TryAddSingleton<SweepReader>();
        services.TryAddSingleton<SweepPlanner>();
        services.TryAddSingleton<ReminderForecast>();
        services.TryAddSingleton<ReminderSweep>();
        services.TryAddSingleton<Scheduling.DailySweep>();
        return services;
    }
}
