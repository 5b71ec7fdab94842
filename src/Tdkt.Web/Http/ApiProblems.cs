using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tdkt.Web.Http;

/// <summary>problem+json answers of the admin API, with a Vietnamese title that says what is wrong.</summary>
public static class ApiProblems
{
    public static IResult BadRequest(string title) => Problem(StatusCodes.Status400BadRequest, title);

    public static IResult NotFound(string title) => Problem(StatusCodes.Status404NotFound, title);

    /// <summary>404 for a plan id that names no plan (also one that is not even shaped like a plan id).</summary>
    public static IResult UnknownPlan(string id) => NotFound($"Không có kế hoạch {id}.");

    public static IResult Conflict(string title) => Problem(StatusCodes.Status409Conflict, title);

    public static IResult Problem(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }
}
