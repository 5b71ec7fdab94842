using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using Tdkt.Plans;

namespace Tdkt.Reports;

public enum ReportFormat
{
    /// <summary>Lines for a terminal.</summary>
    Text,
    Json,

    /// <summary>UTF-8 with BOM, so spreadsheets read the Vietnamese.</summary>
    Csv,
    Html,
}

/// <summary>A report written out: its bytes, their content type and the file name to save them under.</summary>
public sealed record ReportDocument(byte[] Content, string ContentType, string FileName);

/// <summary>The report and its document, or the message that says why there is none.</summary>
public sealed record ReportOutcome(PlanReport? Report, ReportDocument? Document, string? Problem);

/// <summary>The use case behind <c>tdkt report</c> and <c>GET /api/plans/{id}/report</c>: a plan's progress as of a date, in one format.</summary>
public sealed class ReportBuilder(PlanReports reports, ReportFormats formats)
{
    /// <summary>Indented, with Vietnamese letters as they are (what a person opening the file expects).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The format of a name ("json", "csv", "html", "text"; any case), or null.</summary>
    public static ReportFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "html" => ReportFormat.Html,
        _ => null,
    };

    public async Task<ReportOutcome> BuildAsync(string planId, ReportFormat format, LocalDate? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planId);
        if (!PlanId.IsValid(planId) || await reports.ComputeAsync(new PlanId(planId), asOf, cancellationToken) is not { } report)
        {
            return new ReportOutcome(null, null, $"Không có kế hoạch {planId}.");
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
