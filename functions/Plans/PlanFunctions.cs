using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Plans;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Plans;

/// <summary>Admin routes for plans (function key): upload a plan, list plans.</summary>
public sealed class PlanFunctions(PlanHandlers plans)
{
    [Function(WebRoutes.Names.ImportPlan)]
    public Task<IResult> Import([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.Plans)] HttpRequest request,
        CancellationToken cancellationToken) => plans.ImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ListPlans)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = WebRoutes.Patterns.Plans)] HttpRequest request,
        CancellationToken cancellationToken) => plans.ListAsync(cancellationToken);
}
