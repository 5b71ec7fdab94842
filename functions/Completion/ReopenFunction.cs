using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Completion;
using Tdkt.Functions.Plans;
using Tdkt.Plans;

namespace Tdkt.Functions.Completion;

/// <summary>Admin route (function key): open a task again, for one agency or all, with a reason kept in the audit.</summary>
public sealed class ReopenFunction(CompletionService completion)
{
    /// <summary>The request body: {"reason": "…", "agency": "so-noi-vu" (optional), "by": "…" (optional)}.</summary>
    public sealed record ReopenRequest(string? Reason, string? Agency, string? By);

    [Function("ReopenTask")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/{id}/tasks/{task}/reopen")] HttpRequest request,
        string id,
        string task,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            ReopenRequest? body;
            try
            {
                body = request.ContentLength is > 16 * 1024 ? null
                    : await JsonSerializer.DeserializeAsync<ReopenRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            }
            catch (JsonException ex)
            {
                return AdminProblems.BadRequest($"Nội dung yêu cầu không phải JSON hợp lệ (dòng {ex.LineNumber + 1}): cần {{\"reason\": \"…\", \"agency\": \"…\"}}.");
            }
            if (string.IsNullOrWhiteSpace(body?.Reason))
            {
                return AdminProblems.BadRequest("Thiếu lý do mở lại nhiệm vụ (trường \"reason\").");
            }
            var reopened = await completion.ReopenAsync(new PlanId(id), task, string.IsNullOrWhiteSpace(body.Agency) ? null : body.Agency.Trim(), body.Reason,
                string.IsNullOrWhiteSpace(body.By) ? "quản trị" : body.By, cancellationToken);
            return reopened.Count == 0
                ? AdminProblems.NotFound($"Nhiệm vụ {task} của kế hoạch {id} không có phần việc nào đã hoàn thành để mở lại{(body.Agency is { } a ? $" cho {a}" : "")}.")
                : new OkObjectResult(new { plan = id, task, reopened });
        }, cancellationToken);
}
