using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Health;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Health;

/// <summary>Liveness and storage reachability (anonymous).</summary>
public sealed class HealthFunction(HealthHandler health)
{
    [Function(WebRoutes.Names.Health)]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebRoutes.Patterns.Health)] HttpRequest request,
        CancellationToken cancellationToken) => health.CheckAsync(cancellationToken);
}
