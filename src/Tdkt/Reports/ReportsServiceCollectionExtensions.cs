using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Progress reports: the figures, their formats (HTML, CSV, JSON, text) and the official report upward (.docx).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Official.ReportOptions>().Bind(configuration.GetSection(Official.ReportOptions.Section));
        services.TryAddSingleton<PlanReports>();
        services.TryAddSingleton<ReportFormats>();
        services.TryAddSingleton<Official.OfficialReports>();
        services.TryAddSingleton<ReportBuilder>();
        return services;
    }
}
