using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Dashboard;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Tổng quan: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleDashboardFunctions(ConsoleDashboardHandlers dashboard)
{
    [Function(WebRoutes.Names.ConsoleDashboard)]
    public Task<IResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.Console)] HttpRequest request,
        CancellationToken cancellationToken) => dashboard.DashboardAsync(request, cancellationToken);
}
