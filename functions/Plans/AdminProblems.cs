using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tdkt.Storage;

namespace Tdkt.Functions.Plans;

/// <summary>problem+json answers of the admin routes, with a Vietnamese title that says what is wrong.</summary>
public static class AdminProblems
{
    public static IActionResult BadRequest(string title) => Problem(StatusCodes.Status400BadRequest, title);

    public static IActionResult NotFound(string title) => Problem(StatusCodes.Status404NotFound, title);

    /// <summary>404 for a plan id that names no plan (also one that is not even shaped like a plan id).</summary>
    public static IActionResult UnknownPlan(string id) => NotFound($"Không có kế hoạch {id}.");

    public static IActionResult Conflict(string title) => Problem(StatusCodes.Status409Conflict, title);

    /// <summary>
    /// Runs an admin route; if storage cannot be reached (after the SDK's retries), answers 503 problem+json with
    /// <c>Retry-After: 60</c> instead of an empty 500. What the route changes is safe to send again (imports and
    /// retries are idempotent; a reopen of a task already open changes nothing).
    /// </summary>
    public static async Task<IActionResult> UnlessStorageIsDownAsync(HttpRequest request, Func<Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            return await handle();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && StorageFailure.IsTransient(ex))
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Chưa truy cập được kho dữ liệu (Table Storage), nên chưa làm gì. Thử lại sau ít phút.");
        }
    }

    /// <summary>A small JSON body (at most 16 KB), or the problem that says what is wrong with it (<paramref name="shape"/> shows what is expected).</summary>
    public static async Task<(T? Body, IActionResult? Problem)> ReadJsonAsync<T>(HttpRequest request, string shape, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is > 16 * 1024)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"Nội dung yêu cầu quá lớn (tối đa 16 KB): cần {shape}."));
        }
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<T>(request.Body, System.Text.Json.JsonSerializerOptions.Web, cancellationToken) is { } body
                ? (body, null)
                : (null, BadRequest($"Thiếu nội dung yêu cầu: cần {shape}."));
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, BadRequest($"Nội dung yêu cầu không phải JSON hợp lệ (dòng {ex.LineNumber + 1}): cần {shape}."));
        }
    }

    private static ObjectResult Problem(int status, string title) =>
        new(new ProblemDetails { Status = status, Title = title }) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
