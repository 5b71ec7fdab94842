using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Cơ quan: the directory, its export, revoking an agency's links: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleAgencyFunctions(ConsoleAgencyHandlers agencies)
{
    [Function(WebRoutes.Names.ConsoleAgencies)]
    public Task<IResult> Agencies([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleAgencies)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRevokeLink)]
    public Task<IResult> RevokeLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRevokeLink)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.RevokeAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleExportAgencies)]
    public Task<IResult> ExportAgencies([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleExportAgencies)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.ExportAsync(request, cancellationToken);
}
