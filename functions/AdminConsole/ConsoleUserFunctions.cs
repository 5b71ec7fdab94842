using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Users;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Người dùng: the users, their roles and their removal: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleUserFunctions(ConsoleUserHandlers users)
{
    [Function(WebRoutes.Names.ConsoleUsers)]
    public Task<IResult> Users([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => users.UsersAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveUser)]
    public Task<IResult> SaveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => users.SaveUserAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRemoveUser)]
    public Task<IResult> RemoveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRemoveUser)] HttpRequest request,
        CancellationToken cancellationToken) => users.RemoveUserAsync(request, cancellationToken);
}
