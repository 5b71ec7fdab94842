using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AgencyPage;

/// <summary>The agency's page behind its signed link, its forms, its files and its calendar feed (anonymous: the token is the credential).</summary>
public sealed class AgencyPageFunctions(AgencyPageHandlers pages, CalendarFeedHandler calendar, EvidenceDownloadHandler downloads)
{
    [Function(WebRoutes.Names.AgencyCalendar)]
    public Task<IResult> Calendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.AgencyCalendar)] HttpRequest request,
        string token, CancellationToken cancellationToken) => calendar.GetAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.AgencyPage)]
    public Task<IResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.AgencyPage)] HttpRequest request,
        string token, CancellationToken cancellationToken) => pages.PageAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.CompleteTask)]
    public Task<IResult> Complete([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.CompleteTask)] HttpRequest request,
        string token, string task, CancellationToken cancellationToken) => pages.CompleteAsync(request, token, task, cancellationToken);

    [Function(WebRoutes.Names.CompleteTasks)]
    public Task<IResult> CompleteMany([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.CompleteTasks)] HttpRequest request,
        string token, CancellationToken cancellationToken) => pages.CompleteManyAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.UndoCompletion)]
    public Task<IResult> Undo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.UndoCompletion)] HttpRequest request,
        string token, string task, CancellationToken cancellationToken) => pages.UndoAsync(request, token, task, cancellationToken);

    [Function(WebRoutes.Names.AttachFiles)]
    public Task<IResult> Attach([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.AttachFiles)] HttpRequest request,
        string token, string task, CancellationToken cancellationToken) => pages.AttachAsync(request, token, task, cancellationToken);

    [Function(WebRoutes.Names.RemoveFile)]
    public Task<IResult> RemoveFile([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.RemoveFile)] HttpRequest request,
        string token, string task, string file, CancellationToken cancellationToken) => pages.RemoveFileAsync(request, token, task, file, cancellationToken);

    [Function(WebRoutes.Names.DownloadFile)]
    public Task<IResult> Download([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.DownloadFile)] HttpRequest request,
        string token, CancellationToken cancellationToken) => downloads.GetAsync(request, token, cancellationToken);
}
