using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using Tdkt.Reports;
using Tdkt.Web.Http;

namespace Tdkt.Web.Reports;

/// <summary>
/// Admin route: a plan's progress in the four official categories, as JSON, CSV, an HTML page (with the page security
/// headers), or the .docx report sent upward for a period (<c>format=docx&amp;period=quarter</c>).
/// </summary>
public sealed class ReportHandler(ReportBuilder reports)
{
    public async Task<IResult> ReportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Query["format"].FirstOrDefault() ?? "json";
        if (ReportBuilder.ParseFormat(name) is not { } format || format == ReportFormat.Text)
        {
            return ApiProblems.BadRequest($"format={name.ToLowerInvariant()} không được hỗ trợ: dùng json, csv, html hoặc docx.");
        }
        var periodName = request.Query["period"].FirstOrDefault() ?? "quarter";
        if (Tdkt.Reports.Official.ReportPeriod.ParseKind(periodName) is not { } period)
        {
            return ApiProblems.BadRequest($"period={periodName} không được hỗ trợ: dùng month, quarter, half hoặc year.");
        }
        NodaTime.LocalDate? asOf = null;
        if (request.Query["asOf"].FirstOrDefault() is { } text)
        {
            if (LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
            {
                return ApiProblems.BadRequest($"asOf={text} không phải ngày dạng YYYY-MM-DD.");
            }
            asOf = parsed.Value;
        }
        var outcome = await reports.BuildAsync(id, format, asOf, period, cancellationToken);
        if (outcome.Document is not { } document)
        {
            return ApiProblems.NotFound(outcome.Problem!);
        }
        return format switch
        {
            ReportFormat.Html => HtmlPages.Html(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetString(document.Content)),
            ReportFormat.Csv or ReportFormat.Docx => TypedResults.File(document.Content, document.ContentType, document.FileName),
            _ => TypedResults.Bytes(document.Content, document.ContentType),
        };
    }
}
