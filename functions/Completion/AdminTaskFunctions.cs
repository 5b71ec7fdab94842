using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime.Text;
using Tdkt.Completion;
using Tdkt.Functions.Plans;
using Tdkt.Hosting;
using Tdkt.Plans;

namespace Tdkt.Functions.Completion;

/// <summary>
/// Admin routes (function key) on one task: record an agency's completion on its behalf (it reported by letter or
/// by phone), and open a task again; both kept in the audit with who did it.
/// </summary>
public sealed class AdminTaskFunctions(CompletionService completion)
{
    /// <summary>{"agency": "so-noi-vu", "on": "2023-03-20" (optional, default today), "by": "…" (optional), "note": "…" (optional)}.</summary>
    public sealed record CompleteRequest(string? Agency, string? On, string? By, string? Note);

    /// <summary>{"reason": "…", "agency": "so-noi-vu" (optional), "by": "…" (optional)}.</summary>
    public sealed record ReopenRequest(string? Reason, string? Agency, string? By);

    private const string DefaultBy = "quản trị";

    [Function("CompleteTaskForAgency")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/{id}/tasks/{task}/complete")] HttpRequest request,
        string id,
        string task,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            if (!PlanId.IsValid(id))
            {
                return AdminProblems.UnknownPlan(id);
            }
            var (body, problem) = await AdminProblems.ReadJsonAsync<CompleteRequest>(request,
                "{\"agency\": \"so-noi-vu\", \"on\": \"2023-03-20\", \"by\": \"…\", \"note\": \"…\"}", cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (string.IsNullOrWhiteSpace(body!.Agency))
            {
                return AdminProblems.BadRequest("Thiếu mã cơ quan đã hoàn thành (trường \"agency\", ví dụ \"so-noi-vu\").");
            }
            NodaTime.LocalDate? on = null;
            if (!string.IsNullOrWhiteSpace(body.On))
            {
                if (LocalDatePattern.Iso.Parse(body.On.Trim()) is not { Success: true } parsed)
                {
                    return AdminProblems.BadRequest($"Ngày hoàn thành \"{body.On}\" (trường \"on\") không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2023-03-20.");
                }
                on = parsed.Value;
            }
            var agency = body.Agency.Trim();
            var result = await completion.CompleteOnBehalfAsync(agency, new TaskRef(new PlanId(id), task), on,
                string.IsNullOrWhiteSpace(body.By) ? DefaultBy : body.By, body.Note, cancellationToken);
            return result.Outcome switch
            {
                CompleteOutcome.DateBeforePlan => AdminProblems.BadRequest(
                    $"Ngày hoàn thành {VietnamTime.ShortDate(on!.Value)} (trường \"on\") sớm hơn cả năm trước năm kế hoạch, có lẽ gõ nhầm năm: chưa ghi nhận gì."),
                CompleteOutcome.DateInFuture => AdminProblems.BadRequest(
                    $"Ngày hoàn thành {VietnamTime.ShortDate(on!.Value)} (trường \"on\") là sau hôm nay ({VietnamTime.ShortDate(completion.Today)}): chưa ghi nhận gì."),
                CompleteOutcome.Recorded => new OkObjectResult(new { plan = id, task, agency, recorded = true }),
                CompleteOutcome.AlreadyDone when result.Record?.Completion is { } c => AdminProblems.Conflict(
                    $"Phần việc của {agency} trong nhiệm vụ {task} đã được ghi nhận hoàn thành ngày {VietnamTime.ShortDate(c.On)}{(c.By is { } by ? $" ({by})" : "")}; "
                    + "muốn sửa ngày thì mở lại (reopen) rồi ghi nhận lại."),
                _ => AdminProblems.NotFound($"Kế hoạch {id} không có nhiệm vụ {task} giao cho {agency}, hoặc kế hoạch chưa được kích hoạt."),
            };
        }, cancellationToken);

    [Function("ReopenTask")]
    public Task<IActionResult> Reopen(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/{id}/tasks/{task}/reopen")] HttpRequest request,
        string id,
        string task,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            if (!PlanId.IsValid(id))
            {
                return AdminProblems.UnknownPlan(id);
            }
            var (body, problem) = await AdminProblems.ReadJsonAsync<ReopenRequest>(request, "{\"reason\": \"…\", \"agency\": \"…\"}", cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (string.IsNullOrWhiteSpace(body!.Reason))
            {
                return AdminProblems.BadRequest("Thiếu lý do mở lại nhiệm vụ (trường \"reason\").");
            }
            var reopened = await completion.ReopenAsync(new PlanId(id), task, string.IsNullOrWhiteSpace(body.Agency) ? null : body.Agency.Trim(), body.Reason,
                string.IsNullOrWhiteSpace(body.By) ? DefaultBy : body.By, cancellationToken);
            return reopened.Count == 0
                ? AdminProblems.NotFound($"Nhiệm vụ {task} của kế hoạch {id} không có phần việc nào đã hoàn thành để mở lại{(body.Agency is { } a ? $" cho {a}" : "")}.")
                : new OkObjectResult(new { plan = id, task, reopened });
        }, cancellationToken);
}
