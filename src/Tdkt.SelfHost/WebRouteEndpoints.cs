using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Web.Console;
using Tdkt.Web.Routing;

namespace Tdkt.SelfHost;

/// <summary>
/// Maps <see cref="WebRoutes.All"/> (<c>/api/…</c> and <c>/console/…</c>), as the Functions host serves them: routes for admin-key holders
/// answer 401 without the key (header x-functions-key or ?code=, as function keys are given in Azure), console routes
/// pass the console's one access check (<see cref="ConsoleGate.AdmitAsync"/>) before their handler, and every
/// route answers a storage outage with <see cref="StorageOutage"/>'s 503.
/// </summary>
public static class WebRouteEndpoints
{
    public static void MapTdktRoutes(this IEndpointRouteBuilder endpoints, string adminKey)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(adminKey);
        var root = endpoints.MapGroup("/");
        foreach (var route in WebRoutes.All)
        {
            var endpoint = root.MapMethods(route.Pattern, route.Methods, route.Handler)
                .WithName(route.Name)
                .WithMetadata(route)
                .AddEndpointFilter(async (context, next) =>
                {
                    try
                    {
                        return await next(context);
                    }
                    catch (Exception ex) when (StorageOutage.AnswerFor(context.HttpContext, route.Kind, ex) is { } answer)
                    {
                        return answer;
                    }
                });
            // Filters run in the order they are added: a storage outage in the access check is answered as above.
            if (route.Access == RouteAccess.AdminKey)
            {
                endpoint.AddEndpointFilter((context, next) => HasKey(context.HttpContext.Request, adminKey) ? next(context) : ValueTask.FromResult<object?>(Results.Unauthorized()));
            }
            else if (route.IsConsole)
            {
                endpoint.AddEndpointFilter(async (context, next) =>
                    await route.AdmitAsync(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<ConsoleGate>(), context.HttpContext.RequestAborted) is { } refusal
                        ? refusal
                        : await next(context));
            }
        }
    }

    private static bool HasKey(HttpRequest request, string adminKey)
    {
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(adminKey));
    }
}
