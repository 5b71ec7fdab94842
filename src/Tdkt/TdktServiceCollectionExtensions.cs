using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Calendar;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.DeadlineExtensions;
using Tdkt.Evidence;
using Tdkt.Hosting;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Operations;
using Tdkt.Outbox;
using Tdkt.Pages;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Reports;
using Tdkt.Retention;
using Tdkt.Scheduling;
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
        services.TryAddSingleton(AppInfo.Current);

        services.AddTdktStorage(configuration);
        services.AddAssignments();
        services.AddAgencies();
        services.AddCalendar(configuration);
        services.AddPlans();
        services.AddOperations();
        services.AddRetention(configuration);

        services.AddReminders(configuration);
        services.AddMail(configuration);
        services.AddLinks(configuration);
        services.AddOutbox();
        services.AddPages();
        services.AddReports(configuration);
        services.AddCompletion();
        services.AddEvidence();
        services.AddDeadlineExtensions();
        services.AddScheduling();
        services.AddAdministration(configuration);
        return services;
    }

}
