using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Plans;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Plans;

/// <summary>Admin routes for plans (function key): upload a plan, list plans, activate or archive one.</summary>
public sealed class PlanFunctions(PlanHandlers plans)
{
    [Function(WebRoutes.Names.ImportPlan)]
    public Task<IResult> Import([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.Plans)] HttpRequest request,
        CancellationToken cancellationToken) => plans.ImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.SetPlanStatus)]
    public Task<IResult> SetStatus([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.PlanStatus)] HttpRequest request, string id,
        CancellationToken cancellationToken) => plans.SetStatusAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ListPlans)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = WebRoutes.Patterns.Plans)] HttpRequest request,
        CancellationToken cancellationToken) => plans.ListAsync(cancellationToken);
}
