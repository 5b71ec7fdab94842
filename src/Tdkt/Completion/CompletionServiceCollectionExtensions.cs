using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tdkt.Pages;
using Tdkt.Reports;

namespace Tdkt.Completion;

public static class CompletionServiceCollectionExtensions
{
    /// <summary>Completion through the agency page, its audit, and the progress reports built on it.</summary>
    public static IServiceCollection AddCompletion(this IServiceCollection services)
    {
        services.TryAddSingleton<PageTemplates>();
        services.TryAddSingleton<CompletionStore>();
        services.TryAddSingleton<IndexRepair>();
        services.TryAddSingleton<CompletionService>();
        services.TryAddSingleton<Evidence.EvidenceStore>();
        services.TryAddSingleton<Evidence.EvidenceService>();
        services.TryAddSingleton<Extensions.ExtensionStore>();
        services.TryAddSingleton<Extensions.ExtensionService>();
        services.TryAddSingleton<Extensions.ExtensionNotes>();
        services.TryAddSingleton<AdminCompletion>();
        services.TryAddSingleton<Extensions.AdminExtensions>();
        services.TryAddSingleton<BadLinkThrottle>();
        services.TryAddSingleton<AgencyPages>();
        services.TryAddSingleton<AgencyCalendarFeed>();
        services.TryAddSingleton<PlanReports>();
        services.TryAddSingleton<ReportFormats>();
        services.TryAddSingleton<Reports.Official.OfficialReports>();
        services.TryAddSingleton<ReportBuilder>();
        return services;
    }
}
