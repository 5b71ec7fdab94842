using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Outbox;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Outbox;

/// <summary>Admin routes (function key): the digests in one state, and retrying a failed one.</summary>
public sealed class OutboxFunctions(OutboxHandlers outbox)
{
    [Function(WebRoutes.Names.ListOutbox)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = WebRoutes.Patterns.Outbox)] HttpRequest request,
        CancellationToken cancellationToken) => outbox.ListAsync(request, cancellationToken);

    [Function(WebRoutes.Names.RetryDigest)]
    public Task<IResult> Retry([HttpTrigger(AuthorizationLevel.Function, "post", Route = WebRoutes.Patterns.RetryDigest)] HttpRequest request,
        string date, string kind, string agency, CancellationToken cancellationToken) => outbox.RetryAsync(date, kind, agency, cancellationToken);
}
