using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Mail;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Thư: the outbox, one mail, retries: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleMailFunctions(ConsoleMailHandlers mail)
{
    [Function(WebRoutes.Names.ConsoleMail)]
    public Task<IResult> Mail([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleViewMail)]
    public Task<IResult> ViewMail([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleViewMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.ViewAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRetryMail)]
    public Task<IResult> RetryMail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRetryMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.RetryAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRetryMailDay)]
    public Task<IResult> RetryMailDay([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRetryMailDay)] HttpRequest request,
        CancellationToken cancellationToken) => mail.RetryDayAsync(request, cancellationToken);
}
