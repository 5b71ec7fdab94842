using Microsoft.AspNetCore.Http;
using Tdkt.Web.Console;

namespace Tdkt.Web.Routing;

/// <summary>
/// One HTTP route of the product: its name (the function's name in Azure), its pattern under <c>/api/</c>, methods,
/// access and kind, and the handler as a delegate that the self-hosted server maps (services, route values,
/// the request and the cancellation token bound by ASP.NET Core). <see cref="FormLimit"/> is the largest console form
/// the access check reads (an upload's route raises it).
/// </summary>
public sealed record WebRoute(string Name, string Pattern, IReadOnlyList<string> Methods, RouteAccess Access, RouteKind Kind, Delegate Handler,
    long FormLimit = ConsoleGate.MaxFormBytes)
{
    public bool IsConsole => Access is RouteAccess.ConsoleSession or RouteAccess.ConsoleChange;

    /// <summary>
    /// The console's access check for this route, as both hosts run it before the handler: null when the caller is
    /// admitted (or the route is not the console's), else the refusal to answer with.
    /// </summary>
    public Task<IResult?> AdmitAsync(HttpContext context, ConsoleGate gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return IsConsole
            ? gate.AdmitAsync(context, Access == RouteAccess.ConsoleChange, FormLimit, cancellationToken)
            : Task.FromResult<IResult?>(null);
    }
}
