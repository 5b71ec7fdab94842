using Microsoft.AspNetCore.Http;
using Tdkt.Operations;

namespace Tdkt.Web.Health;

/// <summary>Liveness and storage reachability, for probes and for an administrator checking a deployment.</summary>
public sealed class HealthHandler(HealthCheck check)
{
    public async Task<IResult> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await check.RunAsync(cancellationToken);
        return TypedResults.Json(report, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
