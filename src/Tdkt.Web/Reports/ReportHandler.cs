using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using Tdkt.Reports;
using Tdkt.Web.Http;

namespace Tdkt.Web.Reports;

/// <summary>Admin route: a plan's progress in the four official categories, as JSON, CSV or an HTML page (with the page security headers).</summary>
public sealed class ReportHandler(ReportBuilder reports)
{
    public async Task<IResult> ReportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Query["format"].FirstOrDefault() ?? "json";
        if (ReportBuilder.ParseFormat(name) is not { } format || format == ReportFormat.Text)
        {
            return ApiProblems.BadRequest($"format={name.ToLowerInvariant()} không được hỗ trợ: dùng json, csv hoặc html.");
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
        var outcome = await reports.BuildAsync(id, format, asOf, cancellationToken);
        if (outcome.Document is not { } document)
        {
            return ApiProblems.NotFound(outcome.Problem!);
        }
        return format switch
        {
            ReportFormat.Html => HtmlPages.Html(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetString(document.Content)),
            ReportFormat.Csv => TypedResults.File(document.Content, document.ContentType, document.FileName),
            _ => TypedResults.Bytes(document.Content, document.ContentType),
        };
    }
}
