using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Diagnostics;
using Tdkt.Hosting;
using Tdkt.Input;
using Tdkt.Plans.Import;
using Tdkt.Storage;

namespace Tdkt.Plans;

/// <summary>A plan file to import: its bytes and name (the name gives the format unless <see cref="Format"/> does).</summary>
public sealed record PlanImportRequest(ReadOnlyMemory<byte> Content, string FileName)
{
    public PlanFormat? Format { get; init; }

    /// <summary>A directory given with the plan (saved with it when the plan is saved); null: the stored directory.</summary>
    public AgencyDirectory? Directory { get; init; }

    /// <summary>Check and preview only: nothing is stored.</summary>
    public bool DryRun { get; init; }

    /// <summary>Number, issuer and date of issue given by the administrator: they override the document's, or supply a header it lacks.</summary>
    public PlanReference? Header { get; init; }

    /// <summary>Store even if the import moves or drops recorded completions (they are listed first: <see cref="PlanImportOutcome.Changes"/>).</summary>
    public bool ConfirmChanges { get; init; }
}

public enum PlanImportResult
{
    Saved,

    /// <summary>Valid, and not stored: a preview (dry run).</summary>
    Previewed,
    Invalid,

    /// <summary>No directory given and none stored: nothing can be resolved.</summary>
    NoDirectory,

    /// <summary>Valid, and not stored: it would move or drop recorded completions, and that was not confirmed.</summary>
    NeedsConfirmation,

    /// <summary>Not stored: another import of the same plan is running (or took this one over).</summary>
    Busy,
}

/// <summary>One change to a completed task, as written in JSON (camelCase): kind, key, numbers, agencies, whether it needs confirming, the sentence.</summary>
public sealed record TaskChangeView(string Kind, string Key, string OldNumber, string? NewNumber, IReadOnlyList<string> Agencies, bool NeedsConfirming, string Message);

/// <summary>A task as the API and <c>tdkt plan import --json</c> write it: <c>due</c> is null for an ongoing ("thường xuyên") or undated task.
/// A recurring duty is one task: <c>due</c> is its first occurrence's date and <c>occurrences</c> every one, in order (null for other tasks).</summary>
public sealed record ImportedTaskView(string Key, string Number, int Quarter, string? Due, string DeadlinePhrase, bool Ongoing, string Content,
    IReadOnlyList<string> Lead, IReadOnlyList<string> Agencies, IReadOnlyList<string>? Occurrences = null);

/// <summary>A plan as the API and <c>tdkt plan import --json</c> write it (camelCase; <c>issuedOn</c> ISO).</summary>
public sealed record ImportedPlanView(string Id, string Number, string Issuer, string IssuedOn, int Year, string Title, IReadOnlyList<ImportedTaskView> Tasks)
{
    public static ImportedPlanView Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id.Value, plan.Number, plan.Issuer, NodaTime.Text.LocalDatePattern.Iso.Format(plan.IssuedOn), plan.Year, plan.Title,
            [.. TaskSeries.Written(plan.Tasks).Select(w => (t: w.Written, w.Occurrences)).Select(x => new ImportedTaskView(x.t.Key, x.t.Number, x.t.Quarter,
                x.t.Deadline.IsOngoing ? null : NodaTime.Text.LocalDatePattern.Iso.Format(x.t.Deadline.Due), x.t.Deadline.Phrase, x.t.Deadline.IsOngoing,
                x.t.Content, [.. x.t.LeadAgencies.Select(a => a.Value)], [.. x.t.Agencies.Select(a => a.Value)],
                x.t.Series is null ? null : [.. x.Occurrences.Select(i => NodaTime.Text.LocalDatePattern.Iso.Format(plan.Tasks[i].Deadline.Due))]))]);
    }
}

/// <summary>What an import did: the plan as read (when valid), how the store took it, every error, and the message every host shows.</summary>
public sealed record PlanImportOutcome(PlanImportResult Result, Plan? Plan, PlanSaveOutcome? Saved, IReadOnlyList<InputError> Errors)
{
    /// <summary>What the import does (or did) to the stored tasks that have recorded completions, one sentence each.</summary>
    public IReadOnlyList<TaskChange> Changes { get; init; } = [];

    /// <summary>For <see cref="PlanImportResult.Busy"/>: until when the other import holds the plan (Vietnam time, HH:mm:ss).</summary>
    public string? HeldUntil { get; init; }

    /// <summary>False for a preview made without storage: the file was checked, but not compared with the stored plan.</summary>
    public bool ComparedWithStored { get; init; } = true;

    /// <summary>What the administrator should check and nothing stops (an agency given to its successor), one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For <see cref="PlanImportResult.Invalid"/>: the names no directory agency goes by, with their tasks.</summary>
    public IReadOnlyList<UnknownAgency> UnknownAgencies { get; init; } = [];

    /// <summary>Paragraphs and rows naming an agency or a deadline that were not read as tasks, with why ("không đọc thành nhiệm vụ").</summary>
    public IReadOnlyList<Import.UnreadLine> NotRead { get; init; } = [];

    /// <summary><see cref="Changes"/> as the administrator reads them.</summary>
    public IReadOnlyList<string> ChangeLines { get; init; } = [];

    /// <summary><see cref="Changes"/> as the API and <c>tdkt plan import --json</c> write them.</summary>
    public IEnumerable<TaskChangeView> ChangeViews => Changes.Select((c, i) =>
        new TaskChangeView(c.Kind.ToString().ToLowerInvariant(), c.Key, c.OldNumber, c.NewNumber, [.. c.DoneBy.Select(a => a.Value)], c.NeedsConfirming, ChangeLines[i]));

    public string Message => Result switch
    {
        PlanImportResult.Saved => Saved switch
        {
            PlanSaveOutcome.Created => $"Đã lưu kế hoạch mới {Plan!.Id} ({(Plan.Status == PlanStatus.Active ? "đang thực hiện" : "dự thảo; kích hoạt để bắt đầu nhắc việc")}).",
            PlanSaveOutcome.Updated => $"Đã cập nhật kế hoạch {Plan!.Id}; tình trạng hoàn thành đã ghi nhận được giữ nguyên.",
            _ => $"Kế hoạch {Plan!.Id} không thay đổi: không ghi gì.",
        },
        PlanImportResult.Previewed => Changes.Any(c => c.NeedsConfirming)
            ? $"Chạy thử: chưa lưu gì. Khi nhập thật, lần nhập này chuyển hoặc bỏ kết quả hoàn thành của {Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê ở trên) và cần xác nhận."
            : ComparedWithStored ? "Chạy thử: chưa lưu gì." : "Chạy thử: chưa lưu gì. Không truy cập được kho dữ liệu nên chưa so với kế hoạch đã lưu (nhiệm vụ đã hoàn thành bị đổi số hay bỏ đi chưa được liệt kê).",
        PlanImportResult.NeedsConfirmation =>
            $"Chưa lưu gì: lần nhập này chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận của {Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê ở trên). "
            + "Kiểm tra lại; nếu đúng, nhập lại có xác nhận (tdkt: --confirm-changes; API: confirm=true).",
        PlanImportResult.Busy => Saved == PlanSaveOutcome.Superseded
            ? $"Kế hoạch {Plan!.Id} chưa được lưu xong: một lần nhập khác đã tiếp quản trong lúc lần này đang ghi. Kiểm tra kế hoạch rồi nhập lại nếu cần."
            : $"Kế hoạch {Plan!.Id} đang có một lần nhập khác{(HeldUntil is { } until ? $" (giữ chỗ đến {until})" : "")}: chưa lưu gì. Chờ lần nhập đó xong rồi nhập lại.",
        PlanImportResult.NoDirectory => "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import), hoặc gửi kèm danh bạ.",
        _ => $"Kế hoạch không hợp lệ ({Errors.Count} lỗi): chưa lưu gì.",
    };

    public static PlanImportOutcome Rejected(InputError error) => new(PlanImportResult.Invalid, null, null, [error]);
}

/// <summary>
/// The use case behind <c>tdkt plan import|preview</c>, <c>POST /api/plans</c> and <c>tdkt up</c>'s sample: read and
/// validate the whole file against the directory, then store all of it or nothing.
/// </summary>
public sealed class PlanImport(PlanStore plans, AgencyStore agencies, VietnamClock clock)
{
    public async Task<PlanImportOutcome> RunAsync(PlanImportRequest request, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = Telemetry.Source.StartActivity("tdkt.plan.import");
        activity?.SetTag("tdkt.file.extension", Path.GetExtension(request.FileName).ToLowerInvariant());
        activity?.SetTag("tdkt.file.bytes", request.Content.Length);
        var outcome = await ImportAsync(request, progress, cancellationToken);
        activity?.SetTag(Telemetry.Tags.Outcome, outcome.Result.ToString().ToLowerInvariant());
        if (outcome.Plan is { } plan)
        {
            activity?.SetTag(Telemetry.Tags.Plan, plan.Id.Value);
            activity?.SetTag("tdkt.tasks", plan.Tasks.Count);
        }
        activity?.SetTag("tdkt.errors", outcome.Errors.Count);
        return outcome;
    }

    private async Task<PlanImportOutcome> ImportAsync(PlanImportRequest request, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var directory = request.Directory ?? await agencies.LoadAsync(cancellationToken);
        if (directory.Agencies.Count == 0)
        {
            return new PlanImportOutcome(PlanImportResult.NoDirectory, null, null,
                [new InputError(Path.GetFileName(request.FileName), null, "agencies", "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import).")]);
        }
        var built = PlanImporter.Import(request.Content, request.FileName, directory, request.Format, request.Header);
        if (!built.IsValid)
        {
            return new PlanImportOutcome(PlanImportResult.Invalid, null, null, built.Errors) { UnknownAgencies = built.UnknownAgencies, NotRead = built.NotRead };
        }

        // Each task takes its identity from the stored plan, so completions stay with their tasks (TaskIdentity).
        Plan plan;
        IReadOnlyList<TaskChange> changes = [];
        try
        {
            var storedTasks = await plans.StoredTasksAsync(built.Plan!.Id, cancellationToken);
            plan = UndatedTasks.KeepGivenDays(TaskIdentity.Resolve(built.Plan, built.KeyedNumbers, storedTasks), storedTasks);
            if (storedTasks.Count > 0)
            {
                changes = TaskChange.Between(storedTasks, await plans.CompletedByAsync(plan.Id, cancellationToken), plan);
            }
        }
        catch (Exception ex) when (request.DryRun && request.Directory is not null && StorageFailure.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            // A preview with its own directory works without storage; it just cannot compare with the stored plan.
            return new PlanImportOutcome(PlanImportResult.Previewed, built.Plan, null, []) { ComparedWithStored = false, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        var lines = changes.Select(c => c.Describe(directory)).ToList();
        if (request.DryRun)
        {
            return new PlanImportOutcome(PlanImportResult.Previewed, plan, null, []) { Changes = changes, ChangeLines = lines, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        if (changes.Any(c => c.NeedsConfirming) && !request.ConfirmChanges)
        {
            return new PlanImportOutcome(PlanImportResult.NeedsConfirmation, plan, null, []) { Changes = changes, ChangeLines = lines, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        if (request.Directory is not null)
        {
            await agencies.SaveAsync(request.Directory, cancellationToken);
        }
        var file = Path.GetFileName(request.FileName);
        var audit = changes.SelectMany(c => c.DoneBy.Select(a => new AuditEntry(plan.Id.Value, new AssignmentKey(c.Key, a.Value).Value,
            AuditActionOf(c.Kind), clock.Now, "nhập kế hoạch", c.AuditNote(file), null, null))).ToList();
        var saved = await plans.SaveAsync(plan, progress, audit, cancellationToken);
        if (saved is PlanSaveOutcome.Busy or PlanSaveOutcome.Superseded)
        {
            var until = await plans.ImportHeldUntilAsync(plan.Id, cancellationToken);
            return new PlanImportOutcome(PlanImportResult.Busy, plan, saved, [])
            {
                HeldUntil = until is { } u ? NodaTime.Instant.FromDateTimeOffset(u).InZone(VietnamTime.Zone).ToString("HH:mm:ss", null) : null,
                Changes = changes,
                ChangeLines = lines,
            };
        }
        // A plan already stored keeps its status; a new one takes the file's.
        var stored = await plans.GetSummaryAsync(plan.Id, cancellationToken);
        return new PlanImportOutcome(PlanImportResult.Saved, plan with { Status = stored?.Status ?? plan.Status }, saved, [])
        {
            Changes = changes,
            ChangeLines = lines,
            Warnings = built.Warnings,
            NotRead = built.NotRead,
        };
    }

    private static string AuditActionOf(TaskChangeKind kind) => kind switch
    {
        TaskChangeKind.Renumbered => AuditLog.Actions.Renumber,
        TaskChangeKind.Retired => AuditLog.Actions.Retire,
        TaskChangeKind.Unassigned => AuditLog.Actions.Unassign,
        _ => AuditLog.Actions.Revise,
    };
}
