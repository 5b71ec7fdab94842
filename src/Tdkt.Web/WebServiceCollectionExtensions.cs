using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tdkt.Web.Http;
using Tdkt.Web.TaskPages;
using Tdkt.Web.Completion;
using Tdkt.Web.Health;
using Tdkt.Web.Outbox;
using Tdkt.Web.Plans;
using Tdkt.Web.Reports;

namespace Tdkt.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The HTTP handlers (after <c>AddTdkt</c>): the same in the function app and on the self-hosted server.</summary>
    public static IServiceCollection AddTdktWeb(this IServiceCollection services)
    {
        services.TryAddSingleton<ClientAddress>();
        services.TryAddSingleton<LinkGate>();
        services.TryAddSingleton<AgencyFormReader>();
        services.TryAddSingleton<AgencyPageHandlers>();
        services.TryAddSingleton<CalendarFeedHandler>();
        services.TryAddSingleton<EvidenceDownloadHandler>();
        services.TryAddSingleton<ExtensionHandlers>();
        services.TryAddSingleton<PlanHandlers>();
        services.TryAddSingleton<AdminTaskHandlers>();
        services.TryAddSingleton<OutboxHandlers>();
        services.TryAddSingleton<ReportHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<AdminConsole.ConsoleGate>();
        services.TryAddSingleton<AdminConsole.ConsoleHandlers>();
        services.TryAddSingleton<AdminConsole.ConsolePlanHandlers>();
        services.TryAddSingleton<AdminConsole.ConsoleMailHandlers>();
        services.TryAddSingleton<AdminConsole.ConsoleAgencyHandlers>();
        services.TryAddSingleton<AdminConsole.ConsoleAgencyEditHandlers>();
        services.TryAddSingleton<AdminConsole.ConsoleImportHandlers>();
        services.TryAddSingleton<AdminConsole.ConsoleCalendarHandlers>();
        return services;
    }
}
