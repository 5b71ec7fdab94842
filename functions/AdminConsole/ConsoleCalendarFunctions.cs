using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Calendar;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Lịch: a year's working calendar and its changes: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleCalendarFunctions(ConsoleCalendarHandlers calendar)
{
    [Function(WebRoutes.Names.ConsoleResetCalendar)]
    public Task<IResult> ResetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleResetCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.ResetAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleCalendar)]
    public Task<IResult> Calendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSetCalendar)]
    public Task<IResult> SetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.SetAsync(request, cancellationToken);
}
