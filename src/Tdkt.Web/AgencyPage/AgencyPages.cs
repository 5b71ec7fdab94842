using NodaTime;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Links;
using Tdkt.Plans;
using Tdkt.Reports;

using Tdkt.Completion;
using Tdkt.Clock;
using Tdkt.Web.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// The agency's page: its tasks in every active plan, per quarter, with deadline and status in the official
/// colours, and for each open task the form that records its completion. Rendering reads only.
/// </summary>
public sealed class AgencyPages(PlanStore plans, PlanCache planCache, AgencyStore agencies, CompletionStore store, CompletionService completion,
    Evidence.EvidenceService evidence, WebTemplates templates, LinkTokens tokens, AgencyLinks links, VietnamClock clock)
{

    /// <summary>The page; <paramref name="notice"/>, when given, is shown instead of <paramref name="message"/> (a form answered in place).</summary>
    public async Task<string> RenderAsync(string agency, string token, PageMessage message, TaskRef? about, CancellationToken cancellationToken,
        MessageView? notice = null)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        var name = directory.Find(new AgencyId(agency))?.Name ?? agency;
        var supervisor = directory.Find(new AgencyId(agency))?.Supervisor is { } supervisorId ? directory.Find(supervisorId) : null;
        var contact = supervisor?.To.Select(a => a.Trim()).FirstOrDefault(a => a.Contains('@', StringComparison.Ordinal));
        var today = clock.Today;
        var sections = new List<PlanView>();
        MessageView? shown = null;
        foreach (var summary in (await plans.ListAsync(cancellationToken)).Where(p => p.IsReminded).OrderByDescending(p => p.Year).ThenBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            var (rows, inbox) = await store.PageRowsAsync(summary.Id.Value, agency, summary.HasAgencyRows, cancellationToken);
            if ((rows.Count == 0 && inbox.Count == 0) || await planCache.GetAsync(summary, cancellationToken) is not { } plan)
            {
                continue;
            }
            (var section, rows) = Section(plan, rows, inbox, directory, token, today, about);
            sections.Add(section);
            if (about is { } a && a.Plan == plan.Id && rows.FirstOrDefault(r => r.TaskKey == a.TaskKey) is { } target)
            {
                shown = Message(message, target);
            }
        }
        shown ??= message is PageMessage.Stale or PageMessage.ExtensionApproved or PageMessage.ExtensionDeclined ? Message(message, null) : null;
        shown = notice ?? shown;

        return templates.Render("agency.html.liquid", new AgencyPageView(
            $"Nhiệm vụ thi đua, khen thưởng: {name}", name, VietnamTime.Format(today),
            "Danh sách nhiệm vụ của cơ quan theo các kế hoạch thi đua, khen thưởng đang thực hiện. Khi đã hoàn thành nhiệm vụ, chọn “Xác nhận đã hoàn thành” để hệ thống ghi nhận và dừng nhắc việc.",
            shown, sections, tokens.CreateFormProof(token),
            "Đường dẫn này dành riêng cho cơ quan, đề nghị không chuyển tiếp ra ngoài. Thư nhắc việc tiếp theo sẽ mang đường dẫn mới.")
        {
            Contact = supervisor is null ? null : $"Cơ quan theo dõi, đôn đốc: {supervisor.Name}" + (contact is null ? "." : $", {contact}"),
            ContactAddress = contact,
            FeedUrl = await links.FeedForAsync(agency, today, cancellationToken),
        });
    }

    /// <summary>
    /// One plan's part of the page: its tasks by quarter (a recurring duty's later occurrences named under its next one),
    /// the counts, the supervisor's inbox, and the form that confirms several at once; with the rows shown.
    /// </summary>
    private (PlanView Section, IReadOnlyList<AssignmentRecord> Rows) Section(Plan plan, IReadOnlyList<AssignmentRecord> rows, IReadOnlyList<InboxItem> inbox,
        AgencyDirectory directory, string token, LocalDate today, TaskRef? about)
    {
        var order = plan.Tasks.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var tasks = plan.Tasks.ToDictionary(t => t.Key, StringComparer.Ordinal);
        // A recurring duty shows its occurrences due so far and the next one; the later ones are named under the next.
        var later = LaterOccurrences(rows, tasks, today);
        rows = [.. rows.Where(r => !later.Hidden.Contains(r.Key))];
        var quarters = rows
            .Where(r => tasks.ContainsKey(r.TaskKey))
            .GroupBy(r => r.Quarter)
            .OrderBy(g => g.Key)
            .Select(g => new QuarterView(Quarters.Heading(g.Key),
                g.OrderBy(r => order[r.TaskKey]).Select(r => Row(r, tasks[r.TaskKey], new TaskRef(plan.Id, r.TaskKey), token, today, about) with
                {
                    Later = later.Text.GetValueOrDefault(r.Key),
                }).ToList()))
            .ToList();
        var done = rows.Count(r => r.Done);
        var bulk = rows.Count(r => !r.Done) >= 2 ? $"bulk-{plan.Id.Value}" : "";
        if (bulk.Length > 0)
        {
            quarters = [.. quarters.Select(q => q with { Tasks = [.. q.Tasks.Select(t => t.IsOpen ? t with { BulkFormId = bulk } : t)] })];
        }
        var overdue = rows.Count(r => Progress.Of(r.Due, r.Completion?.On, today, IsOngoing(r)) == ProgressCategory.OpenOverdue);
        var ongoing = rows.Count(r => !r.Done && IsOngoing(r));
        var section = new PlanView($"Kế hoạch số {plan.Number}: {plan.Title}", rows.Count == 0 ? "Cơ quan không được giao nhiệm vụ trong kế hoạch này." :
            $"{rows.Count} nhiệm vụ: {done} đã hoàn thành, {rows.Count - done - overdue - ongoing} đang thực hiện, "
            + (ongoing > 0 ? $"{ongoing} thực hiện thường xuyên, " : "") + $"{overdue} quá hạn.", quarters)
        {
            Inbox = [.. inbox.OrderByDescending(i => i.At).Select(i => Inbox(i, plan, directory, token))],
            CanBulk = bulk.Length > 0,
            BulkFormId = bulk,
            BulkAction = $"{token}/tasks/complete",
        };
        return (section, rows);

        bool IsOngoing(AssignmentRecord r) => tasks.TryGetValue(r.TaskKey, out var t) && t.Deadline.IsOngoing;
    }

    public string Problem(LinkProblem problem) => templates.Render("problem.html.liquid", problem switch
    {
        LinkProblem.Expired => new ProblemPageView("Đường dẫn đã hết hạn",
            "Đường dẫn này đã hết thời hạn sử dụng, nên không mở được trang nhiệm vụ.", Steps),
        LinkProblem.Revoked => new ProblemPageView("Đường dẫn đã bị thu hồi",
            "Quản trị viên đã thu hồi các đường dẫn cũ của cơ quan, nên đường dẫn này không còn dùng được. Đường dẫn mới có trong thư nhắc việc gửi sau khi thu hồi.", Steps),
        LinkProblem.NotHeld => new ProblemPageView("Không tìm thấy nhiệm vụ",
            "Nhiệm vụ đã chọn không có trong danh sách nhiệm vụ của đường dẫn này, nên không có gì được ghi nhận.", Steps),
        LinkProblem.Throttled => new ProblemPageView("Tạm dừng do có nhiều yêu cầu không hợp lệ",
            "Hệ thống đã nhận nhiều đường dẫn không hợp lệ từ máy của bạn và tạm dừng xử lý trong ít phút.", ["Vui lòng thử lại sau 10 phút, với đường dẫn trong thư nhắc việc gần nhất."]),
        LinkProblem.Unavailable => new ProblemPageView("Hệ thống tạm thời gián đoạn",
            "Hệ thống chưa kết nối được với nơi lưu dữ liệu nên chưa xử lý được yêu cầu này. Nếu bạn vừa xác nhận hoàn thành, có thể việc xác nhận chưa được ghi nhận.",
            [
                "Vui lòng thử lại sau ít phút: mở lại đường dẫn trong thư nhắc việc và xem trạng thái nhiệm vụ.",
                "Nếu nhiệm vụ vẫn chưa được ghi nhận hoàn thành, chọn “Xác nhận đã hoàn thành” một lần nữa; xác nhận lại không tạo bản ghi trùng.",
            ]),
        LinkProblem.DownloadExpired => new ProblemPageView("Đường dẫn tải tệp đã hết hạn",
            $"Đường dẫn tải tệp chỉ dùng được trong {LinkTokens.DownloadLifetime.TotalHours:0} giờ kể từ khi trang nhiệm vụ được mở.",
            ["Mở lại trang nhiệm vụ từ đường dẫn trong thư nhắc việc và chọn lại tên tệp để tải về."]),
        LinkProblem.FileGone => new ProblemPageView("Tệp không còn",
            "Tệp này đã được gỡ khỏi nhiệm vụ, nên không tải về được.", ["Mở lại trang nhiệm vụ để xem các tệp hiện có."]),
        LinkProblem.BadRequest => new ProblemPageView("Yêu cầu không hợp lệ",
            "Biểu mẫu gửi lên không đúng định dạng hoặc quá dài, nên không có gì được ghi nhận.", ["Quay lại trang nhiệm vụ từ đường dẫn trong thư và thực hiện lại."]),
        _ => new ProblemPageView("Đường dẫn không hợp lệ",
            "Đường dẫn này không đúng hoặc đã bị thay đổi, nên không mở được trang nhiệm vụ.", Steps),
    });

    private static readonly string[] Steps =
    [
        "Mở lại đường dẫn trong thư nhắc việc gần nhất (sao chép đầy đủ cả đường dẫn); mỗi thư nhắc việc mới đều mang đường dẫn còn hiệu lực.",
        "Nếu vẫn không mở được, đề nghị liên hệ cơ quan theo dõi, đôn đốc công tác thi đua, khen thưởng (Sở Nội vụ) để được hỗ trợ.",
    ];

    /// <summary>
    /// The open occurrences of recurring duties after each duty's next one (not shown as tasks), and for that next one the
    /// sentence that names them: "Các kỳ sau (8): 19/05/2023, 19/06/2023, …".
    /// </summary>
    private static (HashSet<string> Hidden, Dictionary<string, string> Text) LaterOccurrences(IReadOnlyList<AssignmentRecord> rows,
        Dictionary<string, PlanTask> tasks, LocalDate today)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        var upcoming = rows
            .Where(r => !r.Done && r.Due > today && tasks.TryGetValue(r.TaskKey, out var t) && t.Series is not null)
            .GroupBy(r => tasks[r.TaskKey].Series!.Key, StringComparer.Ordinal);
        foreach (var series in upcoming)
        {
            var ordered = series.OrderBy(r => r.Due).ToList();
            if (ordered.Count < 2)
            {
                continue;
            }
            hidden.UnionWith(ordered.Skip(1).Select(r => r.Key));
            text[ordered[0].Key] = $"Nhiệm vụ định kỳ, mỗi kỳ xác nhận riêng. Các kỳ sau ({ordered.Count - 1}): "
                + string.Join(", ", ordered.Skip(1).Select(r => VietnamTime.ShortDate(r.Due))) + ".";
        }
        return (hidden, text);
    }

    private TaskRowView Row(AssignmentRecord r, PlanTask task, TaskRef reference, string token, LocalDate today, TaskRef? about)
    {
        var category = Progress.Of(r.Due, r.Completion?.On, today, task.Deadline.IsOngoing);
        var done = r.Completion switch
        {
            // Recorded by the administrator from the agency's report: the date is the report's, not when it was typed in.
            { Via: CompletionVia.Admin } c =>
                $"Đã được ghi nhận hoàn thành ngày {VietnamTime.ShortDate(c.On)} theo báo cáo của cơ quan{(c.By is { } by ? $" (người ghi nhận: {by})" : "")}{(c.Note is { } note ? $". Ghi chú: {note}" : "")}.",
            { } c => $"Đã xác nhận hoàn thành lúc {When(c.At)}{(c.By is { } by ? $", người báo cáo: {by}" : "")}{(c.Note is { } note ? $". Ghi chú: {note}" : "")}.",
            null => null,
        };
        var status = category switch
        {
            ProgressCategory.OpenOverdue => $"Quá hạn {Period.Between(r.Due, today, PeriodUnits.Days).Days} ngày",
            ProgressCategory.Ongoing => r.Done ? "Đã báo cáo thực hiện" : task.Deadline.IsUndated ? "Chưa có thời hạn cụ thể" : "Thực hiện thường xuyên",
            _ => Progress.Label(category),
        };
        return new TaskRowView(reference.Anchor, task.Number, task.Content, task.Deadline.IsOngoing ? task.Deadline.Phrase : VietnamTime.Format(r.Due),
            task.Deadline.IsOngoing ? "" : task.Deadline.Phrase ?? "",
            r.IsLead ? "Cơ quan chủ trì" : "Cơ quan phối hợp", status, Progress.Slug(category), Progress.Colour(category), !r.Done, done,
            completion.CanUndo(r), $"{token}/tasks/{reference}/complete", $"{token}/tasks/{reference}/undo", about == reference)
        {
            Files = [.. r.Files.Select(f => new FileView(f.Name, FileDetails(f), DownloadUrl(r.Plan, r.Key, f.Id), evidence.CanRemove(f),
                $"{token}/tasks/{reference}/files/{f.Id}/remove"))],
            CanAttach = r.Files.Count < Evidence.EvidenceStore.MaxPerAssignment,
            FilesLeft = Evidence.EvidenceStore.MaxPerAssignment - r.Files.Count,
            AttachAction = $"{token}/tasks/{reference}/files",
            ExtensionText = ExtensionText(r),
            ExtensionKind = r.Extension.Request?.Status switch
            {
                ExtensionStatus.Approved => "ok",
                ExtensionStatus.Declined => "warn",
                _ => "info",
            },
            CanAskExtension = !r.Done && !task.Deadline.IsOngoing && !r.Extension.IsPending,
            ExtensionAction = $"{token}/tasks/{reference}/extension",
            ExtensionMin = LocalDatePattern.Iso.Format(r.Due.PlusDays(1)),
            Reference = reference.ToString(),
        };
    }

    /// <summary>The last request for more time and its answer, as the asking agency reads it.</summary>
    private static string? ExtensionText(AssignmentRecord r)
    {
        var answer = r.Extension.Request is { Answer: { } words } ? $" Ý kiến: {words}" : "";
        var by = r.Extension.Request is { DecidedBy: { } who } ? $" ({who})" : "";
        return r.Extension.Request switch
        {
            { Status: ExtensionStatus.Pending } q =>
                $"Đã đề nghị gia hạn đến {VietnamTime.ShortDate(q.Asked)} lúc {When(q.At)}, đang chờ ý kiến của cơ quan theo dõi, đôn đốc. Lý do: {q.Reason}",
            { Status: ExtensionStatus.Declined } q =>
                $"Đề nghị gia hạn đến {VietnamTime.ShortDate(q.Asked)} không được chấp thuận{by}, thời hạn giữ nguyên.{answer}",
            _ when r.Extended => $"Đã được gia hạn từ {VietnamTime.ShortDate(r.PlanDue)} đến {VietnamTime.ShortDate(r.Due)}{by}.{answer}",
            _ => null,
        };
    }

    private static string FileDetails(EvidenceFile f) => f.Details;

    /// <summary>A short-lived download address, relative to the page (<c>/api/a/{token}</c> → <c>/api/f/{file token}</c>).</summary>
    private string DownloadUrl(string plan, string assignment, string fileId) => $"../{DownloadPath}{tokens.CreateDownload(plan, assignment, fileId)}";

    /// <summary>The download route's path under <c>/api/</c>.</summary>
    public const string DownloadPath = "f/";

    private InboxView Inbox(InboxItem item, Plan plan, AgencyDirectory directory, string token)
    {
        var from = directory.Find(new AgencyId(item.Agency))?.Name ?? item.Agency;
        var reference = new TaskRef(plan.Id, item.TaskKey);
        var by = item.By is { } name ? $", người gửi: {name}" : "";
        return item.Kind switch
        {
            InboxKind.File => new InboxView("file", $"{from}, nhiệm vụ {item.TaskNumber}: tệp đính kèm",
                $"{EvidenceColumn.Size(item.Bytes)}, gửi lúc {When(item.At)}{by}.",
                DownloadUrl(plan.Id.Value, reference.AssignmentKey(item.Agency), item.FileId ?? ""), item.FileName),
            _ => new InboxView("extension", $"{from}, nhiệm vụ {item.TaskNumber}: đề nghị gia hạn",
                $"Thời hạn hiện tại {(item.Due is { } due ? VietnamTime.ShortDate(due) : "")}, đề nghị gia hạn đến {(item.Requested is { } asked ? VietnamTime.ShortDate(asked) : "")}. "
                + $"Lý do: {item.Reason}. Gửi lúc {When(item.At)}{by}.", null, null)
            {
                ApproveAction = $"{token}/requests/{reference}/{item.Agency}/approve",
                DeclineAction = $"{token}/requests/{reference}/{item.Agency}/decline",
                Requested = item.Requested is { } r ? NodaTime.Text.LocalDatePattern.Iso.Format(r) : null,
                Anchor = $"req-{reference.Anchor}-{item.Agency}",
            },
        };
    }

    private static MessageView? Message(PageMessage message, AssignmentRecord? r) => (message, r?.Completion) switch
    {
        (PageMessage.Done, { } c) => new("ok",
            $"Đã ghi nhận nhiệm vụ số {r!.TaskNumber} hoàn thành lúc {When(c.At)}. " + (r.Undos < CompletionService.MaxUndos
                ? $"Nếu xác nhận nhầm, có thể hoàn tác trong {CompletionService.UndoWindow.TotalMinutes:0} phút."
                : "Nếu xác nhận nhầm, đề nghị liên hệ cơ quan theo dõi, đôn đốc để mở lại nhiệm vụ.")),
        (PageMessage.Again, { } c) => new("info",
            $"Nhiệm vụ số {r!.TaskNumber} đã được ghi nhận hoàn thành trước đó, lúc {When(c.At)}{(c.By is { } by ? $" ({by})" : "")}; không ghi nhận lại."),
        (PageMessage.Undone, null) when r is not null => new("info", $"Đã hoàn tác: nhiệm vụ số {r.TaskNumber} trở lại chưa hoàn thành."),
        (PageMessage.TooLate, { }) => new("warn",
            $"Đã quá {CompletionService.UndoWindow.TotalMinutes:0} phút kể từ khi xác nhận nhiệm vụ số {r!.TaskNumber}, không thể tự hoàn tác. Nếu xác nhận nhầm, đề nghị liên hệ cơ quan theo dõi, đôn đốc để mở lại nhiệm vụ."),
        (PageMessage.TooOften, { }) => new("warn",
            $"Nhiệm vụ số {r!.TaskNumber} đã được hoàn tác {CompletionService.MaxUndos} lần nên không thể tự hoàn tác thêm. Nếu cần sửa, đề nghị liên hệ cơ quan theo dõi, đôn đốc để mở lại nhiệm vụ."),
        (PageMessage.NotDone, null) when r is not null => new("info", $"Nhiệm vụ số {r.TaskNumber} chưa được xác nhận hoàn thành, không có gì để hoàn tác."),
        (PageMessage.Files, _) when r is not null => new("ok",
            $"Đã nhận tệp kèm theo nhiệm vụ số {r.TaskNumber}. Nếu gửi nhầm, có thể gỡ tệp trong {Evidence.EvidenceService.RemoveWindow.TotalMinutes:0} phút."),
        (PageMessage.FileRemoved, _) when r is not null => new("info", $"Đã gỡ tệp khỏi nhiệm vụ số {r.TaskNumber}."),
        (PageMessage.FileKept, _) when r is not null => new("warn",
            $"Tệp của nhiệm vụ số {r.TaskNumber} đã gửi quá {Evidence.EvidenceService.RemoveWindow.TotalMinutes:0} phút (hoặc do quản trị viên đính kèm) nên không thể tự gỡ. Nếu cần gỡ, đề nghị liên hệ cơ quan theo dõi, đôn đốc."),
        (PageMessage.ExtensionAsked, _) when r?.Extension.Request is { Status: ExtensionStatus.Pending } q => new("ok",
            $"Đã gửi đề nghị gia hạn nhiệm vụ số {r.TaskNumber} đến ngày {VietnamTime.ShortDate(q.Asked)}. Cơ quan theo dõi, đôn đốc được báo để cho ý kiến; kết quả hiện trên trang này và trong thư nhắc việc."),
        (PageMessage.ExtensionApproved, _) => new("ok", "Đã đồng ý gia hạn; nhắc việc và báo cáo tính theo thời hạn mới. Cơ quan đề nghị được báo trong thư nhắc việc ngày làm việc tiếp theo."),
        (PageMessage.ExtensionDeclined, _) => new("info", "Đã trả lời không đồng ý gia hạn; thời hạn giữ nguyên. Cơ quan đề nghị được báo, kèm lý do, trong thư nhắc việc ngày làm việc tiếp theo."),
        (PageMessage.Stale, _) => new("warn", "Trang đã mở quá lâu hoặc biểu mẫu không hợp lệ, nên chưa ghi nhận gì. Vui lòng thực hiện lại trên trang này."),
        (PageMessage.NotYet, null) when r is not null => new("warn",
            $"Kế hoạch này thuộc năm sau, chưa nhận xác nhận hoàn thành nhiệm vụ số {r.TaskNumber}: chưa ghi nhận gì. Nếu đã hoàn thành, đề nghị báo cơ quan theo dõi, đôn đốc."),
        _ => null,
    };

    private static string When(Instant at) => VietnamTime.Moment(at);

}
