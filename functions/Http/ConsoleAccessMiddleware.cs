using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Web.Console;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.Http;

/// <summary>
/// The worker's side of the console's one access check: every function whose route <see cref="WebRoutes"/> marks as the
/// console's passes <see cref="ConsoleGate.AdmitAsync"/> before it runs; a refusal is the invocation's answer and the function does not run.
/// </summary>
public sealed class ConsoleAccessMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (WebRoutes.Named(context.FunctionDefinition.Name) is { IsConsole: true } route)
        {
            var http = context.GetHttpContext()
                ?? throw new InvalidOperationException($"The console function {route.Name} ran without its HTTP request.");
            var gate = context.InstanceServices.GetRequiredService<ConsoleGate>();
            if (await route.AdmitAsync(http, gate, context.CancellationToken) is { } refusal)
            {
                // The ASP.NET Core integration executes the invocation result once the middleware returns.
                context.GetInvocationResult().Value = refusal;
                return;
            }
        }
        await next(context);
    }
}
