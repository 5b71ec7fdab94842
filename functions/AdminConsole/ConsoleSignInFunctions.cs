using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.SignIn;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's sign-in (the link page, its button, the request for a link) and sign-out: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleSignInFunctions(ConsoleSignInHandlers signIn)
{
    [Function(WebRoutes.Names.ConsoleSignInPage)]
    public Task<IResult> SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => signIn.SignInPageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRequestLink)]
    public Task<IResult> RequestLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => signIn.RequestLinkAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignInLink)]
    public Task<IResult> SignInLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => signIn.SignInLinkAsync(token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleUseLink)]
    public Task<IResult> UseLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => signIn.UseLinkAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignOut)]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignOut)] HttpRequest request,
        CancellationToken cancellationToken) => signIn.SignOutAsync(request, cancellationToken);
}
