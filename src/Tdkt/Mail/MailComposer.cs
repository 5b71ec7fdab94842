using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Caching;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Wording;

namespace Tdkt.Mail;

/// <summary>
/// Turns an outbox row into a message: Vietnamese subject, HTML and plain text from the templates, and the
/// .ics of the deadlines. Plans and the directory are read through a short cache, since one dispatch pass
/// composes many digests from the same few plans.
/// </summary>
public sealed class MailComposer(PlanStore plans, AgencyStore agencies, MailTemplates templates, IAgencyLinks links, IOptions<MailOptions> options, IClock clock,
    Reports.Official.OfficialReports official) : IDisposable
{
    private static readonly Duration CacheFor = Duration.FromMinutes(5);
    private readonly TimedCache<string, Plan?> planCache = new(CacheFor);
    private readonly TimedCache<string, AgencyDirectory> directoryCache = new(CacheFor);
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<OutgoingMail> ComposeAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var directory = await DirectoryAsync(cancellationToken);
        var to = Addresses(entry.To, directory.Find(new AgencyId(entry.Key.Agency))?.Name);
        var cc = Addresses(entry.Cc, null);
        var from = new MailAddress(options.Value.From, MailText.HeaderSafe(options.Value.FromName));
        // Names come from the directory: one line each wherever they appear.
        if (entry.Key.Kind == DigestKind.Report)
        {
            var mail = DigestJson.ReadReport(entry);
            return await ReportAsync(mail with { AgencyName = MailText.HeaderSafe(mail.AgencyName) }, from, to, cc, cancellationToken);
        }
        if (entry.Key.Kind == DigestKind.Weekly)
        {
            var summary = DigestJson.ReadWeekly(entry);
            return Weekly(summary with { AgencyName = MailText.HeaderSafe(summary.AgencyName) }, from, to, cc);
        }
        var digest = DigestJson.ReadDaily(entry);
        return await DailyAsync(entry, digest with { AgencyName = MailText.HeaderSafe(digest.AgencyName) }, directory, from, to, cc, cancellationToken);
    }

    private async Task<OutgoingMail> DailyAsync(OutboxEntry entry, Digest digest, AgencyDirectory directory, MailAddress from,
        IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc, CancellationToken cancellationToken)
    {
        var today = entry.Key.Date;
        var items = await NoticedTasksAsync(entry, digest, cancellationToken);
        var sections = Sections(digest, items, directory, today);
        var notes = await ExtensionNotesAsync(entry, digest, cancellationToken);
        var link = await links.LinkForAsync(digest.Key.Agency, today, cancellationToken);
        var view = new DigestView(
            $"Kính gửi: {digest.AgencyName}",
            VietnamTime.Format(today),
            $"Hệ thống nhắc việc thi đua, khen thưởng thông báo các nhiệm vụ của {digest.AgencyName} cần lưu ý ngày {VietnamTime.Format(today)}, theo:",
            items.Select(i => i.Plan).Concat(notes.Select(n => n.Plan)).DistinctBy(p => p.Id).Select(Reports.Official.OfficialReports.Reference).ToList(),
            sections,
            link,
            link is null
                ? "Thư được gửi tự động, vui lòng không trả lời thư này. Khi đã hoàn thành nhiệm vụ, đề nghị báo cáo cơ quan theo dõi, đôn đốc để không nhận nhắc lại."
                : "Thư được gửi tự động, vui lòng không trả lời thư này. Khi đã hoàn thành nhiệm vụ, đề nghị xác nhận qua đường dẫn trong thư để không nhận nhắc lại.")
        {
            Extensions = ExtensionSections(notes, directory, link is not null),
        };

        var subject = Subject(items, notes);
        // Ongoing tasks have no date to put in a calendar.
        var calendar = DigestCalendar.For(digest.Key.Agency, items.Where(i => i.Task?.Deadline.IsOngoing != true).Select(i => (i.Notice, i.Plan.Number, i.Task?.Content ?? "")));
        return new OutgoingMail(entry.Key.Value, from, to, [.. cc], MailText.HeaderSafe(subject),
            templates.Render("digest.html.liquid", view), templates.Render("digest.txt.liquid", view), items.Count == 0 ? [] : [calendar])
        {
            ReplyTo = SupervisorContact(digest.Key.Agency, directory),
        };
    }

    /// <summary>Each notice of the digest with its plan and task (a plan gone from storage is a permanent failure of the mail).</summary>
    private async Task<List<(Notice Notice, Plan Plan, PlanTask? Task)>> NoticedTasksAsync(OutboxEntry entry, Digest digest, CancellationToken cancellationToken)
    {
        var items = new List<(Notice Notice, Plan Plan, PlanTask? Task)>();
        foreach (var notice in digest.Notices)
        {
            var plan = await PlanAsync(notice.Plan, cancellationToken)
                ?? throw new MailPermanentException($"Kế hoạch {notice.Plan} của thư {entry.Key} không còn trong kho dữ liệu.");
            items.Add((notice, plan, plan.Tasks.FirstOrDefault(t => t.Key == notice.TaskKey)));
        }
        return items;
    }

    /// <summary>The digest's sections, most urgent first (overdue, due, upcoming, the quarter's kickoff); an escalation names the supervisor copied.</summary>
    private static List<SectionView> Sections(Digest digest, List<(Notice Notice, Plan Plan, PlanTask? Task)> items, AgencyDirectory directory, LocalDate today)
    {
        var sections = new[]
        {
            (Kinds: new[] { NoticeKind.Escalation, NoticeKind.Overdue }, Title: "Nhiệm vụ quá hạn", Hint: "Đề nghị khẩn trương hoàn thành và báo cáo kết quả.", Late: true),
            ([NoticeKind.Due], "Nhiệm vụ đến hạn", "Hôm nay là ngày làm việc cuối cùng của thời hạn.", false),
            ([NoticeKind.Upcoming], "Nhiệm vụ sắp đến hạn", "Đề nghị chủ động triển khai để hoàn thành đúng thời hạn.", false),
            ([NoticeKind.Kickoff], "Nhiệm vụ trong quý", "Các nhiệm vụ cần triển khai thực hiện trong quý.", false),
        }
        .Select(s => new SectionView(s.Title, s.Hint, items.Where(i => s.Kinds.Contains(i.Notice.Kind)).Select(i => Task(i.Notice, i.Plan, i.Task, digest.Key.Agency, directory, today, s.Late)).ToList()))
        .Where(s => s.Tasks.Count > 0)
        .ToList();
        if (digest.Notices.Any(n => n.Kind == NoticeKind.Escalation) && directory.Find(new AgencyId(digest.Key.Agency))?.Supervisor is { } supervisor)
        {
            var name = directory.Find(supervisor)?.Name ?? supervisor.Value;
            sections[0] = sections[0] with { Hint = sections[0].Hint + $" Thư này đồng gửi {name} để theo dõi, đôn đốc." };
        }
        return sections;
    }

    /// <summary>The digest's notes on requests for more time, each with its plan.</summary>
    private async Task<List<(DeadlineExtensions.ExtensionNote Note, Plan Plan)>> ExtensionNotesAsync(OutboxEntry entry, Digest digest, CancellationToken cancellationToken)
    {
        var notes = new List<(DeadlineExtensions.ExtensionNote Note, Plan Plan)>();
        foreach (var note in digest.Extensions)
        {
            notes.Add((note, await PlanAsync(note.Plan, cancellationToken)
                ?? throw new MailPermanentException($"Kế hoạch {note.Plan} của thư {entry.Key} không còn trong kho dữ liệu.")));
        }
        return notes;
    }

    /// <summary>"[TĐKT 2023] 2 nhiệm vụ quá hạn, 1 nhiệm vụ đến hạn": the plan years and what the digest holds, by kind.</summary>
    private static string Subject(List<(Notice Notice, Plan Plan, PlanTask? Task)> items, List<(DeadlineExtensions.ExtensionNote Note, Plan Plan)> notes)
    {
        var years = items.Select(i => i.Plan.Year).Concat(notes.Select(n => n.Plan.Year)).Distinct().Order().ToList();
        var counts = new[]
        {
            (items.Count(i => i.Notice.Kind is NoticeKind.Overdue or NoticeKind.Escalation), "quá hạn"),
            (items.Count(i => i.Notice.Kind == NoticeKind.Due), "đến hạn"),
            (items.Count(i => i.Notice.Kind == NoticeKind.Upcoming), "sắp đến hạn"),
            (items.Count(i => i.Notice.Kind == NoticeKind.Kickoff), "cần thực hiện trong quý"),
        }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} nhiệm vụ {c.Item2}")
        .Concat(new[]
        {
            (notes.Count(n => n.Note.Kind == DeadlineExtensions.ExtensionNoteKind.Waiting), "đề nghị gia hạn chờ ý kiến"),
            (notes.Count(n => n.Note.Kind != DeadlineExtensions.ExtensionNoteKind.Waiting), "kết quả đề nghị gia hạn"),
        }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}"));
        return $"[TĐKT {string.Join("-", years)}] {string.Join(", ", counts)}";
    }

    /// <summary>The requests waiting for this agency's answer, then the answers to its own requests.</summary>
    private static List<ExtensionSectionView> ExtensionSections(List<(DeadlineExtensions.ExtensionNote Note, Plan Plan)> notes, AgencyDirectory directory, bool hasLink)
    {
        string Name(string agency) => MailText.HeaderSafe(directory.Find(new AgencyId(agency))?.Name ?? agency);
        ExtensionView View(DeadlineExtensions.ExtensionNote n, Plan plan)
        {
            var content = plan.Tasks.FirstOrDefault(t => t.Key == n.TaskKey)?.Content ?? "";
            var words = n.Words is { } w ? $" {(n.Kind == DeadlineExtensions.ExtensionNoteKind.Declined ? "Lý do" : n.Kind == DeadlineExtensions.ExtensionNoteKind.Approved ? "Ý kiến" : "Lý do")}: {w}." : "";
            var by = n.By is { } b ? $" ({b})" : "";
            var text = n.Kind switch
            {
                DeadlineExtensions.ExtensionNoteKind.Waiting =>
                    $"{Name(n.Agency)}{by} đề nghị gia hạn từ {VietnamTime.ShortDate(n.From)} đến {VietnamTime.ShortDate(n.Date)}.{words}",
                DeadlineExtensions.ExtensionNoteKind.Asked => $"Đã gửi đề nghị gia hạn từ {VietnamTime.ShortDate(n.From)} đến {VietnamTime.ShortDate(n.Date)}, đang chờ ý kiến của cơ quan theo dõi, đôn đốc.",
                DeadlineExtensions.ExtensionNoteKind.Approved => $"Đã được đồng ý gia hạn{by} từ {VietnamTime.ShortDate(n.From)} đến {VietnamTime.ShortDate(n.Date)}.{words}",
                _ => $"Đề nghị gia hạn đến {VietnamTime.ShortDate(n.Date)} không được đồng ý{by}; thời hạn giữ nguyên {VietnamTime.ShortDate(n.From)}.{words}",
            };
            return new ExtensionView(n.Task, plan.Number, content, text);
        }
        var waiting = notes.Where(n => n.Note.Kind == DeadlineExtensions.ExtensionNoteKind.Waiting).Select(n => View(n.Note, n.Plan)).ToList();
        var answered = notes.Where(n => n.Note.Kind != DeadlineExtensions.ExtensionNoteKind.Waiting).Select(n => View(n.Note, n.Plan)).ToList();
        return new[]
        {
            new ExtensionSectionView("Đề nghị gia hạn chờ ý kiến", hasLink
                ? "Các cơ quan do đơn vị theo dõi, đôn đốc đề nghị gia hạn; đề nghị cho ý kiến đồng ý hoặc không đồng ý trên trang nhiệm vụ (đường dẫn cuối thư)."
                : "Các cơ quan do đơn vị theo dõi, đôn đốc đề nghị gia hạn; đề nghị cho ý kiến để cơ quan chủ động thực hiện.", waiting),
            new ExtensionSectionView("Kết quả đề nghị gia hạn", "Ý kiến về các đề nghị gia hạn của cơ quan.", answered),
        }.Where(s => s.Items.Count > 0).ToList();
    }

    /// <summary>A sample digest (not from storage) for checking a deployment's mail settings: <c>tdkt mail send-test</c>.</summary>
    public OutgoingMail Sample(string to, LocalDate today) => TestMail([new MailAddress(to)], [], "Quản trị hệ thống",
        "Đây là thư thử để kiểm tra cấu hình gửi thư của hệ thống nhắc việc thi đua, khen thưởng. Nội dung dưới đây là ví dụ, theo:", today);

    /// <summary>
    /// A test mail to an agency's own addresses (to and cc, as its digests go), from the console's Cơ quan page: the
    /// agency sees what its digests will look like and that they reach it.
    /// </summary>
    public OutgoingMail AgencyTest(Agency agency, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return TestMail([.. agency.To.Select(a => new MailAddress(a))], [.. agency.Cc.Select(a => new MailAddress(a))], agency.Name,
            $"Đây là thư thử để {agency.Name} kiểm tra địa chỉ nhận thư: thư nhắc việc thi đua, khen thưởng hằng ngày của {agency.Name} sẽ được gửi tới địa chỉ này. "
            + "Nội dung dưới đây là ví dụ, theo:", today);
    }

    private OutgoingMail TestMail(IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc, string addressee, string intro, LocalDate today)
    {
        var task = new TaskView("1", "252/KH-UBND", "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2022 (nhiệm vụ mẫu)",
            VietnamTime.Format(new LocalDate(2023, 3, 31)), "QUÝ I", "còn 5 ngày làm việc", "Cơ quan chủ trì", "Ủy ban nhân dân tỉnh", false);
        var view = new DigestView($"Kính gửi: {addressee}", VietnamTime.Format(today), intro,
            ["Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023 (ví dụ)"],
            [new SectionView("Nhiệm vụ sắp đến hạn", "Đề nghị chủ động triển khai để hoàn thành đúng thời hạn.", [task])],
            null, "Thư thử được gửi theo yêu cầu của quản trị viên; không cần trả lời.");
        return new OutgoingMail($"send-test/{Guid.NewGuid():N}", new MailAddress(options.Value.From, MailText.HeaderSafe(options.Value.FromName)),
            to, cc, "[TĐKT] Thư thử cấu hình gửi thư",
            templates.Render("digest.html.liquid", view), templates.Render("digest.txt.liquid", view), []);
    }

    private OutgoingMail Weekly(WeeklySummary summary, MailAddress from, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc)
    {
        var rows = summary.Agencies.Select(a => new ProgressRowView(a.AgencyName, a.DoneOnTime, a.DoneLate, a.OpenInTime, a.OpenOverdue, a.Total,
            MailText.Percent(a.DoneOnTime + a.DoneLate, a.Total))).ToList();
        var total = new ProgressRowView("Tổng cộng", rows.Sum(r => r.DoneOnTime), rows.Sum(r => r.DoneLate), rows.Sum(r => r.OpenInTime), rows.Sum(r => r.OpenOverdue),
            rows.Sum(r => r.Total), MailText.Percent(rows.Sum(r => r.DoneOnTime + r.DoneLate), rows.Sum(r => r.Total)));
        var date = summary.Key.Date;
        var view = new WeeklyView($"Kính gửi: {summary.AgencyName}", VietnamTime.Format(date),
            $"Tình hình thực hiện nhiệm vụ thi đua, khen thưởng của các cơ quan do {summary.AgencyName} theo dõi, tính đến {VietnamTime.Format(date)}:",
            rows, total, "Thư được gửi tự động mỗi tuần, vui lòng không trả lời thư này.");
        var subject = $"[TĐKT {date.Year}] Báo cáo tiến độ tuần đến {VietnamTime.ShortDate(date)}: {total.OpenOverdue} nhiệm vụ quá hạn";
        return new OutgoingMail(summary.Key.Value, from, to, [.. cc], MailText.HeaderSafe(subject),
            templates.Render("weekly.html.liquid", view), templates.Render("weekly.txt.liquid", view), []);
    }

    /// <summary>
    /// The periodic report: each plan's .docx draft made now, as of the mail's day (its send day), attached, with a short
    /// cover message giving the figures and what the specialist still has to do.
    /// </summary>
    private async Task<OutgoingMail> ReportAsync(PeriodicReportMail mail, MailAddress from, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc,
        CancellationToken cancellationToken)
    {
        var date = mail.Key.Date;
        var items = new List<ReportMailItemView>();
        var attachments = new List<MailAttachment>();
        foreach (var item in mail.Reports)
        {
            var kind = Reports.Official.ReportPeriod.ParseKind(item.Kind) ?? Reports.Official.ReportPeriodKind.Quarter;
            var report = await official.ComputeAsync(new PlanId(item.Plan), date, Reports.Official.ReportPeriod.Containing(kind, item.Start), cancellationToken)
                ?? throw new MailPermanentException($"Kế hoạch {item.Plan} của thư {mail.Key} không còn trong kho dữ liệu.");
            var c = report.Figures.Total.Counts;
            var file = $"bao-cao-{item.Plan}-{report.Period.Slug}.docx";
            attachments.Add(new MailAttachment(file, Reports.Official.OfficialReportDocx.ContentType, Reports.Official.OfficialReportDocx.Write(report)));
            items.Add(new ReportMailItemView(MailText.HeaderSafe(report.PlanReference), report.Period.Label,
                $"{c.Total} lượt nhiệm vụ: hoàn thành đúng hạn {c.DoneOnTime}, hoàn thành quá hạn {c.DoneLate}, chưa hoàn thành trong hạn {c.OpenInTime}, chưa hoàn thành quá hạn {c.OpenOverdue}.",
                report.Overdue.Count == 0 ? "Không có nhiệm vụ quá hạn." : $"{report.Overdue.Count} nhiệm vụ quá hạn được liệt kê trong báo cáo.", file));
        }
        var periods = string.Join(", ", items.Select(i => i.Period).Distinct(StringComparer.Ordinal));
        var view = new ReportMailView($"Kính gửi: {mail.AgencyName}", VietnamTime.Format(date),
            $"Hệ thống nhắc việc thi đua, khen thưởng gửi kèm dự thảo báo cáo kết quả thực hiện {periods}, số liệu tính đến {VietnamTime.Format(date)}:",
            items,
            "Đề nghị chuyên viên kiểm tra số liệu, bổ sung phần đề xuất, kiến nghị (đánh dấu vàng), trình lãnh đạo ký và lấy số văn bản trước khi gửi cấp trên.",
            "Thư được gửi tự động sau mỗi kỳ báo cáo, vui lòng không trả lời thư này.");
        var subject = mail.Reports.Count == 1
            ? $"[TĐKT {date.Year}] Dự thảo báo cáo {periods}: {items[0].Reference}"
            : $"[TĐKT {date.Year}] Dự thảo báo cáo {periods}: {mail.Reports.Count} kế hoạch";
        return new OutgoingMail(mail.Key.Value, from, to, [.. cc], MailText.HeaderSafe(subject.Length > 200 ? subject[..199] + "…" : subject),
            templates.Render("report.html.liquid", view), templates.Render("report.txt.liquid", view), attachments);
    }

    private static TaskView Task(Notice notice, Plan plan, PlanTask? task, string agency, AgencyDirectory directory, LocalDate today, bool late)
    {
        var others = task?.Agencies.Where(a => a.Value != agency).Select(a => MailText.HeaderSafe(directory.Find(a)?.Name ?? a.Value)) ?? [];
        if (task?.Deadline.IsOngoing == true)
        {
            // No due date of its own: the phrase is its deadline ("Thường xuyên"), and it is never late.
            return new TaskView(notice.Task, plan.Number, task.Content, task.Deadline.Phrase, "",
                task.Deadline.IsUndated ? "chưa có thời hạn cụ thể" : "thực hiện thường xuyên trong năm", Role(task, agency), string.Join(", ", others), false);
        }
        var status = notice.WorkingDaysLeft switch
        {
            > 0 => $"còn {notice.WorkingDaysLeft} ngày làm việc",
            0 when notice.Due == today => "hôm nay là hạn cuối",
            0 => "hôm nay là ngày làm việc cuối cùng trước hạn",
            _ => $"đã quá hạn {-notice.WorkingDaysLeft} ngày làm việc",
        };
        // An approved extension: the plan's phrase gives the old date, so the digest says where the new one comes from.
        var phrase = task is not null && notice.Due != task.Deadline.Due ? $"đã gia hạn từ {VietnamTime.ShortDate(task.Deadline.Due)}" : task?.Deadline.Phrase ?? "";
        return new TaskView(notice.Task, plan.Number, task?.Content ?? "", VietnamTime.Format(notice.Due), phrase,
            status, Role(task, agency), string.Join(", ", others), late);
    }

    /// <summary>The agency that follows <paramref name="agency"/> up, as a reply address: its first address, by name; none when there is none.</summary>
    private static IReadOnlyList<MailAddress> SupervisorContact(string agency, AgencyDirectory directory)
    {
        var supervisor = directory.Find(new AgencyId(agency))?.Supervisor is { } id ? directory.Find(id) : null;
        return supervisor?.To.FirstOrDefault(a => MailboxAddress.TryParse(a, out var parsed) && parsed.Address == a.Trim()) is { } address
            ? [new MailAddress(address.Trim(), MailText.HeaderSafe(supervisor.Name))]
            : [];
    }

    private static string Role(PlanTask? task, string agency) =>
        task is not null && task.LeadAgencies.Any(a => a.Value == agency) ? "Cơ quan chủ trì" : "Cơ quan phối hợp";


    private static List<MailAddress> Addresses(IEnumerable<string> addresses, string? name) => addresses.Select(a =>
        MailboxAddress.TryParse(a, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal) && a.Trim() == parsed.Address
            ? new MailAddress(parsed.Address, name is null ? null : MailText.HeaderSafe(name))
            : throw new MailPermanentException($"Địa chỉ thư “{MailText.HeaderSafe(a)}” không hợp lệ: sửa danh bạ cơ quan rồi gửi lại.")).ToList();

    private async Task<Plan?> PlanAsync(string id, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetCurrentInstant();
            if (planCache.TryGet(id, now, out var cached))
            {
                return cached;
            }
            var plan = PlanId.IsValid(id) ? await plans.GetAsync(new PlanId(id), cancellationToken) : null;
            planCache.Set(id, plan, now);
            return plan;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AgencyDirectory> DirectoryAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetCurrentInstant();
            if (directoryCache.TryGet("", now, out var cached))
            {
                return cached;
            }
            var directory = await agencies.LoadAsync(cancellationToken);
            directoryCache.Set("", directory, now);
            return directory;
        }
        finally
        {
            gate.Release();
        }
    }
}
