using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Plans;

namespace Tdkt.Functions.Plans;

/// <summary>Admin routes for plans (function key): upload a plan, list plans.</summary>
public sealed class PlansFunctions(PlanUpload upload, PlanStore plans)
{
    [Function("ImportPlan")]
    public Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            var result = await upload.ImportAsync(request.Body, request.ContentType, request.Query["file"], cancellationToken);
            return PlanResponses.For(result);
        }, cancellationToken);

    [Function("ListPlans")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
            new OkObjectResult((await plans.ListAsync(cancellationToken)).Select(PlanResponses.Summary)), cancellationToken);
}
