using Microsoft.AspNetCore.Http;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Evidence;
using Tdkt.Web.Http;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// The agency's page behind its signed link (anonymous: the token is the credential). GET and HEAD only read;
/// completion and undo are POSTs from the page's forms, checked against a value bound to the token.
/// </summary>
public sealed class AgencyPageHandlers(LinkGate gate, TaskFormReader forms, AgencyPages pages, CompletionService completion, EvidenceService evidence,
    CompletionStore store, ClientAddress clients)
{
    public async Task<IResult> PageAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agency, problem) = await gate.CheckAsync(request, token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var message = Enum.TryParse<PageMessage>(request.Query["m"], ignoreCase: true, out var m) ? m : PageMessage.None;
        var html = await pages.RenderAsync(agency!, token, message, TaskRef.Parse(request.Query["t"]), cancellationToken);
        return HtmlPages.Html(StatusCodes.Status200OK, html);
    }

    public async Task<IResult> CompleteAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        // Files are checked before anything is recorded: a refused file leaves the task as it was.
        var (form, uploads, problem) = await ReadWithFilesAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        var input = new CompletionInput(form.Fields["name"], form.Fields["note"], CompletionVia.Link, clients.Of(request), ClientAddress.UserAgent(request));
        var (outcome, _) = await completion.CompleteAsync(form.Agency, form.Task, input, cancellationToken);
        if (outcome is CompleteOutcome.Recorded or CompleteOutcome.AlreadyDone && uploads.Count > 0)
        {
            await evidence.AttachAsync(form.Agency, form.Task, uploads, input.By, CompletionVia.Link, input.ClientIp, input.UserAgent, cancellationToken);
        }
        return outcome switch
        {
            CompleteOutcome.Recorded => TaskFormReader.BackToPage(token, PageMessage.Done, form.Task),
            CompleteOutcome.AlreadyDone => TaskFormReader.BackToPage(token, PageMessage.Again, form.Task),
            // Through the link the date is always today: too early means the plan's year is still far off.
            CompleteOutcome.DateBeforePlan or CompleteOutcome.DateInFuture => TaskFormReader.BackToPage(token, PageMessage.NotYet, form.Task),
            CompleteOutcome.NotHeld => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
            _ => throw new InvalidOperationException($"Completion outcome {outcome} has no answer on the agency page."),
        };
    }

    /// <summary>The most tasks one bulk confirmation takes (a page form is small; a plan's year rarely holds more for one agency).</summary>
    public const int MaxBulk = 100;

    /// <summary>
    /// The open tasks ticked on the page, confirmed at once with one name and note: each is recorded as its own form
    /// would record it, and the page says which were recorded, which were already, and which are not the agency's.
    /// </summary>
    public async Task<IResult> CompleteManyAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (agency, fields, problem) = await forms.ReadPageFormAsync(request, token, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }
        var picked = fields["tasks"].Select(TaskRef.Parse).ToList();
        if (picked.Count == 0 || picked.Count > MaxBulk || picked.Any(t => t is null))
        {
            var text = picked.Count == 0 ? "Chưa chọn nhiệm vụ nào: đánh dấu “Chọn để xác nhận cùng lúc” ở các nhiệm vụ đã hoàn thành rồi xác nhận."
                : picked.Count > MaxBulk ? $"Chưa ghi nhận gì: mỗi lần xác nhận cùng lúc tối đa {MaxBulk} nhiệm vụ."
                : "Chưa ghi nhận gì: danh sách nhiệm vụ gửi lên không hợp lệ. Vui lòng tải lại trang và chọn lại.";
            return HtmlPages.Html(StatusCodes.Status422UnprocessableEntity,
                await pages.RenderAsync(agency!, token, PageMessage.None, null, cancellationToken, new MessageView("warn", text)));
        }
        var input = new CompletionInput(fields["name"], fields["note"], CompletionVia.Link, clients.Of(request), ClientAddress.UserAgent(request));
        var recorded = new List<string>();
        var already = new List<string>();
        var refused = 0;
        foreach (var task in picked.Distinct())
        {
            var (outcome, _) = await completion.CompleteAsync(agency!, task!.Value, input, cancellationToken);
            var number = (await completion.HeldAsync(agency!, task.Value, cancellationToken))?.Task.Number ?? task.Value.TaskKey;
            (outcome == CompleteOutcome.Recorded ? recorded : outcome == CompleteOutcome.AlreadyDone ? already : null)?.Add(number);
            refused += outcome is CompleteOutcome.Recorded or CompleteOutcome.AlreadyDone ? 0 : 1;
        }
        var parts = new List<string>();
        if (recorded.Count > 0)
        {
            parts.Add($"Đã ghi nhận hoàn thành {recorded.Count} nhiệm vụ (số {string.Join(", ", recorded)}). Nếu xác nhận nhầm, có thể hoàn tác từng nhiệm vụ trong {CompletionService.UndoWindow.TotalMinutes:0} phút.");
        }
        if (already.Count > 0)
        {
            parts.Add($"Nhiệm vụ số {string.Join(", ", already)} đã được ghi nhận hoàn thành trước đó; không ghi nhận lại.");
        }
        if (refused > 0)
        {
            parts.Add($"{refused} nhiệm vụ đã chọn không thuộc cơ quan hoặc không còn nhận xác nhận, nên không ghi nhận.");
        }
        return HtmlPages.Html(recorded.Count > 0 || already.Count > 0 ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden,
            await pages.RenderAsync(agency!, token, PageMessage.None, null, cancellationToken, new MessageView(refused > 0 ? "warn" : "ok", string.Join(" ", parts))));
    }

    public async Task<IResult> UndoAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        var (outcome, _) = await completion.UndoAsync(form.Agency, form.Task, clients.Of(request), ClientAddress.UserAgent(request), cancellationToken);
        return outcome switch
        {
            UndoOutcome.Undone => TaskFormReader.BackToPage(token, PageMessage.Undone, form.Task),
            UndoOutcome.TooLate => TaskFormReader.BackToPage(token, PageMessage.TooLate, form.Task),
            UndoOutcome.TooOften => TaskFormReader.BackToPage(token, PageMessage.TooOften, form.Task),
            UndoOutcome.NotDone => TaskFormReader.BackToPage(token, PageMessage.NotDone, form.Task),
            _ => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
        };
    }

    /// <summary>Files added to a task (after its confirmation, or to an open one).</summary>
    public async Task<IResult> AttachAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (form, uploads, problem) = await ReadWithFilesAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        if (uploads.Count == 0)
        {
            return await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity, "Chưa chọn tệp nào để gửi.", cancellationToken);
        }
        var outcome = await evidence.AttachAsync(form.Agency, form.Task, uploads, form.Fields["name"], CompletionVia.Link, clients.Of(request),
            ClientAddress.UserAgent(request), cancellationToken);
        return outcome switch
        {
            AttachOutcome.Attached => TaskFormReader.BackToPage(token, PageMessage.Files, form.Task),
            AttachOutcome.TooMany => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                $"Chưa ghi nhận gì: mỗi nhiệm vụ nhận tối đa {EvidenceStore.MaxPerAssignment} tệp.", cancellationToken),
            _ => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
        };
    }

    public async Task<IResult> RemoveFileAsync(HttpRequest request, string token, string task, string file, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        var outcome = await evidence.RemoveAsync(form.Agency, form.Task, file, clients.Of(request), ClientAddress.UserAgent(request), cancellationToken);
        return outcome switch
        {
            DetachOutcome.Removed => TaskFormReader.BackToPage(token, PageMessage.FileRemoved, form.Task),
            DetachOutcome.NotAllowed => TaskFormReader.BackToPage(token, PageMessage.FileKept, form.Task),
            _ => gate.Page(StatusCodes.Status404NotFound, LinkProblem.FileGone),
        };
    }

    /// <summary>
    /// A form that may carry files, and its files checked; or the answer that refuses it (a bad form, or the page again
    /// saying which file was refused and why, with nothing recorded).
    /// </summary>
    private async Task<(TaskForm? Form, IReadOnlyList<EvidenceUpload> Uploads, IResult? Problem)> ReadWithFilesAsync(HttpRequest request, string token,
        string task, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken, withFiles: true);
        if (form is null || form.Fields.Files.Count == 0)
        {
            return (form, [], problem);
        }
        var record = await store.GetAsync(form.Task.Plan.Value, form.Task.AssignmentKey(form.Agency), cancellationToken);
        var room = EvidenceStore.MaxPerAssignment - (record?.Files.Count ?? 0);
        var (uploads, refusal, status) = await UploadedFiles.ReadAsync(form.Fields.Files, room, cancellationToken);
        return refusal is null ? (form, uploads, null) : (null, [], await NoticeAsync(form, token, status, refusal, cancellationToken));
    }

    private async Task<IResult> NoticeAsync(TaskForm form, string token, int status, string text, CancellationToken cancellationToken) =>
        HtmlPages.Html(status, await pages.RenderAsync(form.Agency, token, PageMessage.None, form.Task, cancellationToken, new MessageView("warn", text)));
}
