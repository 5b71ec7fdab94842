using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Tdkt.Cli.LocalHost;

/// <summary>One HTTP-triggered function as declared by its attributes: the same facts the Functions host reads.</summary>
public sealed record FunctionRoute(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel Level, Type Class, MethodInfo Method);

/// <summary>
/// Serves the function app's HTTP routes on plain ASP.NET Core by calling the function classes themselves:
/// the route, methods and authorization level come from each <see cref="HttpTriggerAttribute"/>, the class
/// is built from the container like the worker builds it, and the returned IActionResult is executed.
/// Routes with a level other than Anonymous need the admin key (header x-functions-key or ?code=), as
/// function keys do in Azure.
/// </summary>
public static class FunctionRoutes
{
    public const string RoutePrefix = "api";

    public static IReadOnlyList<FunctionRoute> Discover(Assembly functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var routes = new List<FunctionRoute>();
        foreach (var type in functions.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }
                var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
                if (trigger is null)
                {
                    continue;
                }
                var methods = (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToList();
                routes.Add(new FunctionRoute(function.Name, trigger.Route ?? function.Name, methods, trigger.AuthLevel, type, method));
            }
        }
        return [.. routes.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionRoute> routes, string adminKey)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var route in routes)
        {
            endpoints.MapMethods($"/{RoutePrefix}/{route.Route}", route.Methods, context => InvokeAsync(context, route, adminKey))
                .WithDisplayName(route.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionRoute route, string adminKey)
    {
        if (route.Level != AuthorizationLevel.Anonymous && !HasKey(context.Request, adminKey))
        {
            // What the Functions host answers without a valid key: 401 and no body.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, route.Class);
        var arguments = route.Method.GetParameters().Select(p => Bind(p, context)).ToArray();
        var returned = route.Method.Invoke(instance, arguments);
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult direct => direct,
            _ => throw new InvalidOperationException($"Function {route.Name} must return IActionResult or Task<IActionResult> to be served locally."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        if (parameter.ParameterType == typeof(string) && context.GetRouteValue(parameter.Name!) is { } value)
        {
            return value.ToString();
        }
        throw new InvalidOperationException($"Parameter {parameter.Name} of {parameter.Member.Name} cannot be bound by the local host.");
    }

    private static bool HasKey(HttpRequest request, string adminKey)
    {
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(adminKey));
    }
}
