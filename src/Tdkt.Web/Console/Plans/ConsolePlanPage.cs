using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Plans;
using Tdkt.Reports;
using Tdkt.Web.AgencyPage;

namespace Tdkt.Web.Console.Plans;

/// <summary>
/// Kế hoạch: one plan's assignments by agency with their status in the official colours, filtered by agency, quarter,
/// status and text; each with its history from the plan's audit; administrators record a completion reported by letter
/// or reopen with a reason (the forms post to the console's routes, handled by <see cref="AdminCompletion"/>).
/// </summary>
public sealed class ConsolePlanPage(PlanStore plans, CompletionStore store, AuditLog audit, AgencyStore agencies, Links.LinkTokens tokens, VietnamClock clock)
{
    /// <summary>Most rows one page shows; past it the page asks to filter.</summary>
    public const int MaxRows = 400;

    public async Task<PlanDetailView?> BuildAsync(string id, PlanFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!PlanId.IsValid(id) || await plans.GetAsync(new PlanId(id), cancellationToken) is not { } plan)
        {
            return null;
        }
        var today = clock.Today;
        var directory = await agencies.LoadAsync(cancellationToken);
        string Name(string agency) => directory.Find(new AgencyId(agency))?.Name ?? agency;
        var tasks = plan.Tasks.Select((t, i) => (Task: t, Position: i)).ToDictionary(t => t.Task.Key, StringComparer.Ordinal);
        var history = (await audit.ListAsync(id, cancellationToken)).ToLookup(a => a.Assignment ?? "", StringComparer.Ordinal);
        var records = await store.OfPlanAsync(id, cancellationToken);
        var words = (filter.Text ?? "").Trim();
        var matching = records
            .Where(r => tasks.ContainsKey(r.TaskKey))
            .Select(r => (Record: r, tasks[r.TaskKey].Task, Category: Progress.Of(r.Due, r.Completion?.On, today, tasks[r.TaskKey].Task.Deadline.IsOngoing)))
            .Where(x => filter.Agency is null || x.Record.Agency == filter.Agency)
            .Where(x => filter.Quarter is null || x.Record.Quarter == filter.Quarter)
            .Where(x => filter.Status is null || Progress.Slug(x.Category) == filter.Status)
            .Where(x => words.Length == 0 || x.Task.Content.Contains(words, StringComparison.CurrentCultureIgnoreCase) || x.Task.Number == words)
            .OrderBy(x => Name(x.Record.Agency), StringComparer.Ordinal).ThenBy(x => tasks[x.Record.TaskKey].Position)
            .ToList();
        var shown = matching.Take(MaxRows).ToList();
        var groups = shown.GroupBy(x => x.Record.Agency).Select(g => new PlanAgencyView(Name(g.Key), [.. g.Select(x => Row(x.Record, x.Task, x.Category, history[x.Record.Key]))])).ToList();
        var agencyIds = records.Select(r => r.Agency).Distinct(StringComparer.Ordinal).OrderBy(Name, StringComparer.Ordinal);
        var categories = plan.Tasks.Any(t => t.Deadline.IsOngoing) ? Enum.GetValues<ProgressCategory>() : Progress.Official;
        return new PlanDetailView(id, $"Kế hoạch số {plan.Number}: {plan.Title}", plan.Status switch
            {
                PlanStatus.Active => "Đang nhắc việc",
                PlanStatus.Draft => "Bản nháp (chưa nhắc việc)",
                _ => "Đã lưu trữ",
            },
            [new("", "Mọi cơ quan", filter.Agency is null), .. agencyIds.Select(a => new FilterOption(a, Name(a), a == filter.Agency))],
            [new("", "Cả năm", filter.Quarter is null), .. Enumerable.Range(1, 4).Select(q => new FilterOption(q.ToString(System.Globalization.CultureInfo.InvariantCulture), Tdkt.Plans.Quarters.Heading(q), q == filter.Quarter))],
            [new("", "Mọi tình trạng", filter.Status is null), .. categories.Select(c => new FilterOption(Progress.Slug(c), Progress.Label(c), Progress.Slug(c) == filter.Status))],
            words, groups,
            matching.Count > MaxRows ? $"{matching.Count} phần việc khớp; trang hiện {MaxRows} phần việc đầu, đề nghị lọc thêm." : $"{matching.Count} phần việc.",
            NodaTime.Text.LocalDatePattern.Iso.Format(today))
        {
            StatusSlug = plan.Status.ToString().ToLowerInvariant(),
            Unnumbered = plan.Number == RollForward.DraftNumber,
            NextYear = plan.Year + 1,
        };
    }

    private PlanRowView Row(AssignmentRecord r, PlanTask task, ProgressCategory category, IEnumerable<AuditEntry> history)
    {
        var due = task.Deadline.IsOngoing ? task.Deadline.NoDateText : VietnamTime.ShortDate(r.Due) + (r.Extended ? $" (gia hạn từ {VietnamTime.ShortDate(r.PlanDue)})" : "");
        var completion = r.Completion is { } c
            ? $"Hoàn thành ngày {VietnamTime.ShortDate(c.On)}" + (c.By is { Length: > 0 } by ? $", {by}" : "") + (c.Note is { Length: > 0 } note ? $": {note}" : "")
                + (c.Via == CompletionVia.Admin ? " (quản trị ghi nhận)" : " (cơ quan xác nhận qua đường dẫn)")
            : null;
        return new PlanRowView(task.Key, task.Number, task.Content, due, Progress.Label(category), Progress.Slug(category), Progress.Colour(category),
            completion, r.Done, !r.Done, r.Agency,
            [.. history.OrderByDescending(h => h.At).Select(h => $"{VietnamTime.Moment(h.At)}: {ActionLabel(h.Action)}" + (h.By is { Length: > 0 } by ? $", {by}" : "")
                + (h.Note is { Length: > 0 } note ? $" ({note})" : ""))],
            r.Files.Count)
        {
            FileLinks = [.. r.Files.Select(f => new FileView(f.Name, f.Details, "/" + Links.AgencyLinks.DownloadPath + tokens.CreateDownload(r.Plan, r.Key, f.Id), false, ""))],
            Extension = ExtensionText(r),
            ExtensionPending = r.Extension.IsPending,
            Asked = NodaTime.Text.LocalDatePattern.Iso.Format(r.Extension.Request is { Status: ExtensionStatus.Pending } q ? q.Asked : r.Due),
            Ongoing = task.Deadline.IsOngoing,
            Undated = task.Deadline.IsUndated,
        };
    }

    private static string? ExtensionText(AssignmentRecord r) => r.Extension.Request switch
    {
        { Status: ExtensionStatus.Pending } q =>
            $"Đề nghị gia hạn đến {VietnamTime.ShortDate(q.Asked)} ({VietnamTime.Moment(q.At)}{(q.By is { Length: > 0 } by ? ", " + by : "")}), chờ ý kiến. Lý do: {q.Reason}",
        { Status: ExtensionStatus.Declined } q => $"Đề nghị gia hạn đến {VietnamTime.ShortDate(q.Asked)} không được chấp thuận{(q.DecidedBy is { } who ? $" ({who})" : "")}.",
        _ when r.Extended => $"Đã gia hạn từ {VietnamTime.ShortDate(r.PlanDue)} đến {VietnamTime.ShortDate(r.Due)}{(r.Extension.Request?.DecidedBy is { } who ? $" ({who})" : "")}.",
        _ => null,
    };

    private static string ActionLabel(string action) => action switch
    {
        AuditLog.Actions.Complete => "ghi nhận hoàn thành",
        AuditLog.Actions.Undo => "hủy xác nhận",
        AuditLog.Actions.Reopen => "mở lại",
        AuditLog.Actions.Renumber => "đổi số nhiệm vụ khi nhập lại",
        AuditLog.Actions.Revise => "sửa nội dung hoặc thời hạn khi nhập lại",
        AuditLog.Actions.Retire => "bỏ khỏi kế hoạch khi nhập lại",
        AuditLog.Actions.Unassign => "thôi giao cho cơ quan khi nhập lại",
        Evidence.EvidenceStore.Actions.Attach => "gửi tệp",
        Evidence.EvidenceStore.Actions.Detach => "gỡ tệp",
        DeadlineExtensions.ExtensionStore.Actions.Request => "đề nghị gia hạn",
        DeadlineExtensions.ExtensionStore.Actions.Approve => "chấp thuận gia hạn",
        DeadlineExtensions.ExtensionStore.Actions.Decline => "không chấp thuận gia hạn",
        _ => action,
    };
}
