using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;
using Tdkt.Completion;
using Tdkt.Web.Http;

namespace Tdkt.Web.Completion;

/// <summary>
/// Admin routes on one task (named as printed in the plan, "1" or "III.1", or by its key): record an agency's
/// completion on its behalf, and open a task again; both audited with who did it.
/// </summary>
public sealed class AdminTaskHandlers(AdminCompletion completion)
{
    /// <summary>{"agency": "so-noi-vu", "on": "2023-03-20" (optional, default today), "by": "…" (optional), "note": "…" (optional)}.</summary>
    public sealed record CompleteBody(string? Agency, string? On, string? By, string? Note);

    /// <summary>{"reason": "…", "agency": "so-noi-vu" (optional), "by": "…" (optional)}.</summary>
    public sealed record ReopenBody(string? Reason, string? Agency, string? By);

    public async Task<IResult> CompleteAsync(HttpRequest request, string id, string task, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CompleteBody>(request,
            "{\"agency\": \"so-noi-vu\", \"on\": \"2023-03-20\", \"by\": \"…\", \"note\": \"…\"}", cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        if (string.IsNullOrWhiteSpace(body.Agency))
        {
            return ApiProblems.BadRequest("Thiếu mã cơ quan đã hoàn thành (trường \"agency\", ví dụ \"so-noi-vu\").");
        }
        LocalDate? on = null;
        if (!string.IsNullOrWhiteSpace(body.On))
        {
            if (LocalDatePattern.Iso.Parse(body.On.Trim()) is not { Success: true } parsed)
            {
                return ApiProblems.BadRequest($"Ngày hoàn thành \"{body.On}\" (trường \"on\") không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2023-03-20.");
            }
            on = parsed.Value;
        }
        var outcome = await completion.CompleteAsync(new AdminCompleteRequest(id, task, body.Agency, on, body.By, body.Note), cancellationToken);
        return outcome.Result switch
        {
            AdminCompleteResult.Recorded => TypedResults.Ok(new
            {
                plan = outcome.Plan, task = outcome.TaskNumber, agency = outcome.Agency, recorded = true,
                completedOn = LocalDatePattern.Iso.Format(outcome.CompletedOn!.Value), message = outcome.Message,
            }),
            AdminCompleteResult.AlreadyDone => ApiProblems.Conflict(outcome.Message),
            AdminCompleteResult.DateInFuture or AdminCompleteResult.DateBeforePlan => ApiProblems.BadRequest(outcome.Message),
            _ => ApiProblems.NotFound(outcome.Message),
        };
    }

    public async Task<IResult> ReopenAsync(HttpRequest request, string id, string task, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReopenBody>(request, "{\"reason\": \"…\", \"agency\": \"…\"}", cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        var outcome = await completion.ReopenAsync(new AdminReopenRequest(id, task, body.Agency, body.Reason ?? "", body.By), cancellationToken);
        return outcome.Result switch
        {
            AdminReopenResult.Reopened => TypedResults.Ok(new { plan = outcome.Plan, task = outcome.TaskNumber, reopened = outcome.Reopened, message = outcome.Message }),
            AdminReopenResult.NoReason => ApiProblems.BadRequest(outcome.Message),
            _ => ApiProblems.NotFound(outcome.Message),
        };
    }
}
