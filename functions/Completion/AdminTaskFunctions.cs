using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Completion;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Completion;

/// <summary>Admin routes (function key) on one task: record an agency's completion on its behalf, open a task again.</summary>
public sealed class AdminTaskFunctions(AdminTaskHandlers tasks)
{
    [Function(WebRoutes.Names.CompleteTaskForAgency)]
    public Task<IResult> Complete([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.CompleteTaskForAgency)] HttpRequest request,
        string id, string task, CancellationToken cancellationToken) => tasks.CompleteAsync(request, id, task, cancellationToken);

    [Function(WebRoutes.Names.ReopenTask)]
    public Task<IResult> Reopen([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.ReopenTask)] HttpRequest request,
        string id, string task, CancellationToken cancellationToken) => tasks.ReopenAsync(request, id, task, cancellationToken);
}
