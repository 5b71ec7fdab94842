using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Http;

/// <summary>The worker's side of <see cref="StorageOutage"/>: an HTTP function that fails for want of storage answers 503, not an empty 500.</summary>
public sealed class StorageOutageMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (WebRoutes.Named(context.FunctionDefinition.Name) is { } route && context.GetHttpContext() is { } http
            && StorageOutage.AnswerFor(http, route.Kind, ex) is { } answer)
        {
            // The ASP.NET Core integration executes the invocation result after this middleware returns.
            context.GetInvocationResult().Value = answer;
        }
    }
}
