using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Hosting;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Operations;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt;

/// <summary>The one composition root: the function app and the <c>tdkt</c> command both call it.</summary>
public static class TdktServiceCollectionExtensions
{
    public static IServiceCollection AddTdkt(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The only "now" in the product; tests replace it with a FakeClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<VietnamClock>();
        // The machine's real time, for what must not follow the business clock (a `tdkt up --as-of` date): leases,
        // request signatures, send pacing.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section))
            .Validate(o => Valid(o.TrustedNetworks), "Tdkt:Web:TrustedProxies: mỗi mục phải là địa chỉ IP hoặc dải địa chỉ (ví dụ 10.0.0.0/8, 127.0.0.1).")
            .ValidateOnStart();
        services.TryAddSingleton(AppInfo.Current);
        services.TryAddSingleton<HealthCheck>();
        services.TryAddSingleton<Operations.OperationalChecks>();

        services.AddTdktStorage(configuration);
        services.AddAssignments();
        services.TryAddSingleton<PlanStore>();
        services.TryAddSingleton<PlanCache>();
        services.TryAddSingleton<AgencyStore>();
        services.TryAddSingleton<AgencyEdits>();
        services.TryAddSingleton<PlanImport>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Retention.RetentionSweep>();
        services.TryAddSingleton<PlanLifecycle>();
        services.TryAddSingleton<UndatedTasks>();

        // Reminders: the working calendar (embedded, or a deployment's own file), rules, sweep, outbox, run records.
        services.AddReminders(configuration);
        services.AddMail(configuration);
        services.AddLinks(configuration);
        services.AddCompletion();
        services.AddAdministration(configuration);
        services.AddOptions<Reports.Official.ReportOptions>().Bind(configuration.GetSection(Reports.Official.ReportOptions.Section));
        services.TryAddSingleton<DigestRetry>();
        services.TryAddSingleton<OutboxListing>();
        return services;
    }

    private static bool Valid(Func<IReadOnlyList<System.Net.IPNetwork>> parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
