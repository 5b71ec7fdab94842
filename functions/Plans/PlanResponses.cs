using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tdkt.Plans;

namespace Tdkt.Functions.Plans;

/// <summary>HTTP shapes of plan results: 201/200 with a summary, or problem+json listing every input error.</summary>
public static class PlanResponses
{
    public static IActionResult For(PlanUploadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Plan is { } plan)
        {
            var body = new
            {
                id = plan.Id.Value,
                number = plan.Number,
                year = plan.Year,
                title = plan.Title,
                tasks = plan.Tasks.Count,
                assignments = plan.Assignments.Count(),
                outcome = result.Outcome.ToString()!.ToLowerInvariant(),
            };
            return result.Outcome == PlanSaveOutcome.Created
                ? new CreatedResult($"/api/plans/{plan.Id}", body)
                : new OkObjectResult(body);
        }
        var status = result.TooLarge ? StatusCodes.Status413PayloadTooLarge
            : result.UnsupportedType ? StatusCodes.Status415UnsupportedMediaType
            : StatusCodes.Status400BadRequest;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = "Kế hoạch không hợp lệ: chưa lưu gì.",
            Detail = $"{result.Errors.Count} lỗi.",
        };
        problem.Extensions["errors"] = result.Errors.Select(e => new { file = e.File, line = e.Line, field = e.Field, message = e.Message });
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    public static object Summary(PlanSummary p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new { id = p.Id.Value, number = p.Number, title = p.Title, year = p.Year, status = p.Status.ToString().ToLowerInvariant(), taskCount = p.TaskCount, importIncomplete = p.ImportIncomplete };
    }
}
