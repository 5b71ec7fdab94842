using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's sign-in (the link page, its button, the request for a link), sign-out, Tổng quan and Người dùng: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleFunctions(ConsoleHandlers console)
{
    [Function(WebRoutes.Names.ConsoleDashboard)]
    public Task<IResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.Console)] HttpRequest request,
        CancellationToken cancellationToken) => console.DashboardAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleUsers)]
    public Task<IResult> Users([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => console.UsersAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveUser)]
    public Task<IResult> SaveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => console.SaveUserAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRemoveUser)]
    public Task<IResult> RemoveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRemoveUser)] HttpRequest request,
        CancellationToken cancellationToken) => console.RemoveUserAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignInPage)]
    public Task<IResult> SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => console.SignInPageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRequestLink)]
    public Task<IResult> RequestLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => console.RequestLinkAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignInLink)]
    public Task<IResult> SignInLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => console.SignInLinkAsync(token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleUseLink)]
    public Task<IResult> UseLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => console.UseLinkAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignOut)]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignOut)] HttpRequest request,
        CancellationToken cancellationToken) => console.SignOutAsync(request, cancellationToken);
}
