using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Reports;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Reports;

/// <summary>Admin route (function key): a plan's progress report as JSON, CSV or an HTML page.</summary>
public sealed class ReportFunction(ReportHandler reports)
{
    [Function(WebRoutes.Names.PlanReport)]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = WebRoutes.Patterns.PlanReport)] HttpRequest request,
        string id, CancellationToken cancellationToken) => reports.ReportAsync(request, id, cancellationToken);
}
