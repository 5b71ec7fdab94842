using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Import;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Nhập kế hoạch: the form, the preview, its fixes and the save: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleImportFunctions(ConsoleImportHandlers import)
{
    [Function(WebRoutes.Names.ConsoleImport)]
    public IResult Import([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleImport)] HttpRequest request) =>
        import.Page(request);

    [Function(WebRoutes.Names.ConsolePreviewImport)]
    public Task<IResult> PreviewImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.PreviewAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveImport)]
    public Task<IResult> SaveImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSaveImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.SaveAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleFixImport)]
    public Task<IResult> FixImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleFixImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.FixAsync(request, cancellationToken);
}
