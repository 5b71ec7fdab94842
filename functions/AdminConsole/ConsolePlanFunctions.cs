using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Plans;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Kế hoạch: one plan's page, its report and its changes: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsolePlanFunctions(ConsolePlanHandlers plans)
{
    [Function(WebRoutes.Names.ConsolePlan)]
    public Task<IResult> Plan([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsolePlan)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.PageAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleCompleteTask)]
    public Task<IResult> CompleteTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleCompleteTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.CompleteAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleReopenTask)]
    public Task<IResult> ReopenTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleReopenTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ReopenAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanReport)]
    public Task<IResult> PlanReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsolePlanReport)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ReportAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanStatus)]
    public Task<IResult> PlanStatus([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePlanStatus)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetStatusAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRollForward)]
    public Task<IResult> RollForward([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRollForward)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.RollForwardAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanNumber)]
    public Task<IResult> PlanNumber([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePlanNumber)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetNumberAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleExtendTask)]
    public Task<IResult> ExtendTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleExtendTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ExtendAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSetDue)]
    public Task<IResult> SetDue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSetDue)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetDueAsync(request, id, cancellationToken);
}
