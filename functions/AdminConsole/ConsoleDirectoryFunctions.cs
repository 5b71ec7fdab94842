using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The console's Cơ quan, the changes: one agency's form and save, a directory file, a test mail: anonymous to the host (a browser carries no function key); the worker's
/// <see cref="Http.ConsoleAccessMiddleware"/> checks the session, the anti-forgery token and the role from <see cref="WebRoutes"/> first.
/// </summary>
public sealed class ConsoleDirectoryFunctions(ConsoleAgencyEditHandlers directory)
{
    [Function(WebRoutes.Names.ConsoleEditAgency)]
    public Task<IResult> EditAgency([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleEditAgency)] HttpRequest request,
        CancellationToken cancellationToken) => directory.FormAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveAgency)]
    public Task<IResult> SaveAgency([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleEditAgency)] HttpRequest request,
        CancellationToken cancellationToken) => directory.SaveAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsolePreviewDirectory)]
    public Task<IResult> PreviewDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePreviewDirectory)] HttpRequest request,
        CancellationToken cancellationToken) => directory.PreviewImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveDirectory)]
    public Task<IResult> SaveDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSaveDirectory)] HttpRequest request,
        CancellationToken cancellationToken) => directory.SaveImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleTestMail)]
    public Task<IResult> TestMail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleTestMail)] HttpRequest request,
        CancellationToken cancellationToken) => directory.TestMailAsync(request, cancellationToken);
}
