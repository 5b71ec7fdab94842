using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime.Text;
using Tdkt.Functions.Plans;
using Tdkt.Plans;
using Tdkt.Reports;

namespace Tdkt.Functions.Reports;

/// <summary>Admin route (function key): a plan's progress in the four official categories, as JSON, CSV or an HTML page.</summary>
public sealed class ReportFunction(PlanReports reports, ReportFormats formats)
{
    [Function("PlanReport")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans/{id}/report")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            var format = request.Query["format"].FirstOrDefault()?.ToLowerInvariant() ?? "json";
            if (format is not ("json" or "csv" or "html"))
            {
                return AdminProblems.BadRequest($"format={format} không được hỗ trợ: dùng json, csv hoặc html.");
            }
            NodaTime.LocalDate? asOf = null;
            if (request.Query["asOf"].FirstOrDefault() is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    return AdminProblems.BadRequest($"asOf={text} không phải ngày dạng YYYY-MM-DD.");
                }
                asOf = parsed.Value;
            }
            if (!PlanId.IsValid(id) || await reports.ComputeAsync(new PlanId(id), asOf, cancellationToken) is not { } report)
            {
                return AdminProblems.UnknownPlan(id);
            }
            return format switch
            {
                "csv" => new FileContentResult(ReportFormats.Csv(report), "text/csv; charset=utf-8") { FileDownloadName = $"bao-cao-{id}-{report.AsOf:yyyy-MM-dd}.csv" },
                "html" => new ContentResult { ContentType = "text/html; charset=utf-8", Content = formats.Html(report), StatusCode = StatusCodes.Status200OK },
                _ => new OkObjectResult(ReportFormats.Json(report)),
            };
        }, cancellationToken);
}
