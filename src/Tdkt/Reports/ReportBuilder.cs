using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using Tdkt.Plans;

namespace Tdkt.Reports;

/// <summary>The use case behind <c>tdkt report</c> and <c>GET /api/plans/{id}/report</c>: a plan's progress as of a date, in one format.</summary>
public sealed class ReportBuilder(PlanReports reports, ReportFormats formats, Official.OfficialReports official)
{
    /// <summary>Indented, with Vietnamese letters as they are (what a person opening the file expects).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The format of a name ("json", "csv", "html", "docx", "text"; any case), or null.</summary>
    public static ReportFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "html" => ReportFormat.Html,
        "docx" => ReportFormat.Docx,
        _ => null,
    };

    public Task<ReportOutcome> BuildAsync(string planId, ReportFormat format, LocalDate? asOf, CancellationToken cancellationToken) =>
        BuildAsync(planId, format, asOf, Official.ReportPeriodKind.Quarter, cancellationToken);

    /// <summary>The report in <paramref name="format"/>; <paramref name="period"/> is the period the .docx reports on (the others show the whole plan).</summary>
    public async Task<ReportOutcome> BuildAsync(string planId, ReportFormat format, LocalDate? asOf, Official.ReportPeriodKind period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planId);
        var missing = new ReportOutcome(null, null, $"Không có kế hoạch {planId}.");
        if (!PlanId.IsValid(planId))
        {
            return missing;
        }
        if (format == ReportFormat.Docx)
        {
            if (await official.ComputeAsync(new PlanId(planId), asOf, period, cancellationToken) is not { } upward)
            {
                return missing;
            }
            return new ReportOutcome(upward.Figures, new ReportDocument(Official.OfficialReportDocx.Write(upward), Official.OfficialReportDocx.ContentType,
                $"bao-cao-{planId}-{upward.Period.Slug}-{upward.AsOf:yyyy-MM-dd}.docx"), null);
        }
        if (await reports.ComputeAsync(new PlanId(planId), asOf, cancellationToken) is not { } report)
        {
            return missing;
        }
        var name = $"bao-cao-{planId}-{report.AsOf:yyyy-MM-dd}";
        var document = format switch
        {
            ReportFormat.Csv => new ReportDocument(ReportFormats.Csv(report), "text/csv; charset=utf-8", name + ".csv"),
            ReportFormat.Html => new ReportDocument(Encoding.UTF8.GetBytes(formats.Html(report)), "text/html; charset=utf-8", name + ".html"),
            ReportFormat.Json => new ReportDocument(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ReportFormats.Json(report), JsonOptions) + "\n"),
                "application/json; charset=utf-8", name + ".json"),
            _ => new ReportDocument(Encoding.UTF8.GetBytes(ReportFormats.Text(report)), "text/plain; charset=utf-8", name + ".txt"),
        };
        return new ReportOutcome(report, document, null);
    }
}
