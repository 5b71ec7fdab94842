using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tdkt.Functions.Plans;

/// <summary>problem+json answers of the admin routes, with a Vietnamese title that says what is wrong.</summary>
public static class AdminProblems
{
    public static IActionResult BadRequest(string title) => Problem(StatusCodes.Status400BadRequest, title);

    public static IActionResult NotFound(string title) => Problem(StatusCodes.Status404NotFound, title);

    public static IActionResult Conflict(string title) => Problem(StatusCodes.Status409Conflict, title);

    private static ObjectResult Problem(int status, string title) =>
        new(new ProblemDetails { Status = status, Title = title }) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
