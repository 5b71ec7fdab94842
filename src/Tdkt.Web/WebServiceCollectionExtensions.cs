using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Completion;
using Tdkt.Web.Console;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Console.Calendar;
using Tdkt.Web.Console.Dashboard;
using Tdkt.Web.Console.Import;
using Tdkt.Web.Console.Mail;
using Tdkt.Web.Console.Plans;
using Tdkt.Web.Console.SignIn;
using Tdkt.Web.Console.Users;
using Tdkt.Web.Health;
using Tdkt.Web.Http;
using Tdkt.Web.Outbox;
using Tdkt.Web.Pages;
using Tdkt.Web.Plans;
using Tdkt.Web.Reports;

namespace Tdkt.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The HTTP side (after <c>AddTdkt</c>): pages, console and handlers, the same in the function app and on the self-hosted server.</summary>
    public static IServiceCollection AddTdktWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section))
            .Validate(o => Valid(o.TrustedNetworks), "Tdkt:Web:TrustedProxies: mỗi mục phải là địa chỉ IP hoặc dải địa chỉ (ví dụ 10.0.0.0/8, 127.0.0.1).")
            .ValidateOnStart();
        services.TryAddSingleton<WebTemplates>();
        services.TryAddSingleton<ClientAddress>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<PlanHandlers>();
        services.TryAddSingleton<AdminTaskHandlers>();
        services.TryAddSingleton<OutboxHandlers>();
        services.TryAddSingleton<ReportHandler>();
        services.AddAgencyPage();
        services.AddConsole(configuration);
        return services;
    }

    /// <summary>The agency's own page and calendar feed behind its link, and the answer to bad links.</summary>
    private static void AddAgencyPage(this IServiceCollection services)
    {
        services.TryAddSingleton<BadLinkThrottle>();
        services.TryAddSingleton<AgencyPages>();
        services.TryAddSingleton<AgencyCalendarFeed>();
        services.TryAddSingleton<LinkGate>();
        services.TryAddSingleton<TaskFormReader>();
        services.TryAddSingleton<AgencyPageHandlers>();
        services.TryAddSingleton<CalendarFeedHandler>();
        services.TryAddSingleton<EvidenceDownloadHandler>();
        services.TryAddSingleton<ExtensionHandlers>();
    }

    /// <summary>The administrators' console: sessions, its pages and their handlers.</summary>
    private static void AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new PlatformSignIn(string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)));
        services.TryAddSingleton<ConsoleSessions>();
        services.TryAddSingleton<SignInMail>();
        services.TryAddSingleton<ConsolePages>();
        services.TryAddSingleton<ConsoleGate>();
        services.TryAddSingleton<ConsoleSignInHandlers>();
        services.TryAddSingleton<ConsoleUserHandlers>();
        services.TryAddSingleton<ConsoleDashboardHandlers>();
        services.TryAddSingleton<ConsoleDashboard>();
        services.TryAddSingleton<ConsolePlanPage>();
        services.TryAddSingleton<ConsolePlanActions>();
        services.TryAddSingleton<ConsolePlanHandlers>();
        services.TryAddSingleton<ConsoleMailPage>();
        services.TryAddSingleton<ConsoleMailHandlers>();
        services.TryAddSingleton<ConsoleAgenciesPage>();
        services.TryAddSingleton<ConsoleAgencyEditing>();
        services.TryAddSingleton<ConsoleAgencyHandlers>();
        services.TryAddSingleton<ConsoleAgencyEditHandlers>();
        services.TryAddSingleton<ConsoleImportPage>();
        services.TryAddSingleton<ConsoleImportForecast>();
        services.TryAddSingleton<ConsoleImportHandlers>();
        services.TryAddSingleton<ConsoleCalendarPage>();
        services.TryAddSingleton<ConsoleCalendarHandlers>();
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
