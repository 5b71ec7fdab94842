using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Caching;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Reports;
using Tdkt.Wording;

namespace Tdkt.Web.Console.Dashboard;

/// <summary>
/// Tổng quan: each draft or active plan read once (one partition each, as the report reads it), from which come the
/// charts, the overdue list and the next two weeks' deadlines; the last week's sweeps and mail from their own tables.
/// A plan's read is kept and used again while the plan is the same version, the day the same, and its audit has no
/// row since a little before the read (every change to an assignment writes one in its own transaction), so a large
/// plan's dashboard does not read its whole partition on every view, and a change shows on the next one.
/// </summary>
public sealed class ConsoleDashboard(PlanStore plans, PlanCache cache, PlanReports reports, AgencyStore agencies, SweepRuns runs, OutboxStore outbox,
    AuditLog audit, VietnamClock clock)
{
    /// <summary>How far before a kept read a change still counts as after it: writers' clocks and writes in flight.</summary>
    public static readonly Duration ChangeMargin = Duration.FromMinutes(2);

    private sealed record KeptRead(Instant ReadAt, PlanReport Report, IReadOnlyList<DueEntry> Open);

    private static string KeptVersion(string version, PlanStatus status, LocalDate today) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{version}|{status}|{today:uuuu-MM-dd}");

    /// <summary>Each plan's last read, under its content version, status and day (what the figures depend on).</summary>
    private readonly VersionedCache<string, KeptRead> kept = new();

    public const int ListRows = 30;
    public const int UpcomingDays = 14;
    public const int RecentDays = 7;

    public async Task<DashboardView> BuildAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var directory = await agencies.LoadAsync(cancellationToken);
        string Name(string agency) => directory.Find(new AgencyId(agency))?.Name ?? agency;
        var list = new List<DashboardPlanView>();
        var overdue = new List<(DueEntry Entry, PlanSummary Plan)>();
        var upcoming = new List<(DueEntry Entry, PlanSummary Plan)>();
        var ongoing = false;
        var summaries = (await plans.ListAsync(cancellationToken)).Where(p => p.Status != PlanStatus.Archived)
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenBy(p => p.Number, StringComparer.Ordinal).ToList();
        var contents = new Dictionary<(string Plan, string Task), string>();
        foreach (var plan in summaries)
        {
            if (await ReadAsync(plan, today, cancellationToken) is not { } read)
            {
                continue;
            }
            if (plan.Status == PlanStatus.Active)
            {
                foreach (var e in read.Open)
                {
                    (e.Due < today ? overdue : upcoming).Add((e, plan));
                }
                if (await cache.GetAsync(plan, cancellationToken) is { } full)
                {
                    foreach (var t in full.Tasks)
                    {
                        contents[(plan.Id.Value, t.Key)] = t.Content;
                    }
                }
            }
            ongoing |= read.Report.HasOngoing;
            list.Add(Plan(plan, read.Report));
        }
        DeadlineView Line(DueEntry e, PlanSummary p)
        {
            var days = Period.Between(today, e.Due, PeriodUnits.Days).Days;
            var when = days < 0 ? $"quá hạn {-days} ngày" : days == 0 ? "hạn hôm nay" : $"còn {days} ngày";
            return new DeadlineView(p.Id.Value, p.Number, e.TaskNumber, Name(e.Agency), VietnamTime.ShortDate(e.Due) + (e.Extended ? " (đã gia hạn)" : ""), when,
                contents.GetValueOrDefault((p.Id.Value, e.TaskKey), ""));
        }
        var overdueSorted = overdue.OrderBy(o => o.Entry.Due).ThenBy(o => Name(o.Entry.Agency), StringComparer.Ordinal).ToList();
        var upcomingSorted = upcoming.OrderBy(o => o.Entry.Due).ThenBy(o => Name(o.Entry.Agency), StringComparer.Ordinal).ToList();
        return new DashboardView(list, ongoing,
            [.. overdueSorted.Take(ListRows).Select(o => Line(o.Entry, o.Plan))], Count(overdue.Count, "phần việc quá hạn chưa hoàn thành"),
            [.. upcomingSorted.Take(ListRows).Select(o => Line(o.Entry, o.Plan))], Count(upcoming.Count, $"phần việc đến hạn trong {UpcomingDays} ngày tới"),
            await SweepsAsync(today, cancellationToken), await MailAsync(today, cancellationToken));
    }

    /// <summary>The plan's report and its open dated assignments due by the end of the next two weeks: kept, or read again.</summary>
    private async Task<KeptRead?> ReadAsync(PlanSummary plan, LocalDate today, CancellationToken cancellationToken)
    {
        if (plan.Version is { } version && !plan.ImportIncomplete && kept.TryGet(plan.Id.Value, KeptVersion(version, plan.Status, today), out var known)
            && (await audit.ChangedSinceAsync(plan.Id.Value, known.ReadAt - ChangeMargin, cancellationToken)).Count == 0)
        {
            return known;
        }
        var readAt = clock.Now;
        var open = new List<DueEntry>();
        var until = today.PlusDays(UpcomingDays);
        var report = await reports.ComputeAsync(plan.Id, today, e =>
        {
            if (!e.Done && !e.Ongoing && e.Due <= until)
            {
                open.Add(e);
            }
        }, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var read = new KeptRead(readAt, report, open);
        if (plan.Version is not null && !plan.ImportIncomplete)
        {
            kept.Set(plan.Id.Value, KeptVersion(plan.Version, plan.Status, today), read);
        }
        return read;
    }

    private static string Count(int count, string what) =>
        count > ListRows ? $"{count} {what}; hiện {ListRows} phần việc đầu (xem đủ ở trang kế hoạch)." : $"{count} {what}.";

    private static DashboardPlanView Plan(PlanSummary plan, PlanReport report)
    {
        var categories = ReportFormats.CategoriesOf(report);
        var byOverdue = report.ByAgency.OrderByDescending(l => l.Counts.OpenOverdue).ThenBy(l => l.AgencyName, StringComparer.Ordinal).ToList();
        var total = report.Total;
        return new DashboardPlanView(plan.Id.Value, $"Kế hoạch số {report.Number}: {report.Title}", plan.ImportIncomplete ? "Nhập chưa xong (chưa nhắc việc): nhập lại tệp kế hoạch"
            : plan.Status == PlanStatus.Active ? "Đang nhắc việc" : "Bản nháp (chưa nhắc việc)",
            $"Đã hoàn thành {total.Counts.DoneOnTime + total.Counts.DoneLate}/{total.Counts.Total} phần việc ({Percent(total.Counts.DonePercent)}), {total.Counts.OpenOverdue} quá hạn chưa hoàn thành.",
        [
            new("Toàn kế hoạch", [ReportFormats.Row(total, PlanReports.AllAgencies, isTotal: true)],
                ProgressChart.Svg("Toàn kế hoạch", [(PlanReports.AllAgencies, total.Counts)], categories)),
            new("Theo cơ quan (nhiều việc quá hạn trước)", [.. byOverdue.Select(l => ReportFormats.Row(l, l.AgencyName))],
                ProgressChart.Svg("Theo cơ quan", [.. byOverdue.Select(l => (l.AgencyName, l.Counts))], categories)),
            new("Theo quý", [.. report.ByQuarter.Select(l => ReportFormats.Row(l, Tdkt.Plans.Quarters.Heading(l.Quarter)))],
                ProgressChart.Svg("Theo quý", [.. report.ByQuarter.Select(l => (Tdkt.Plans.Quarters.Heading(l.Quarter), l.Counts))], categories)),
        ]);
    }

    private async Task<IReadOnlyList<SweepView>> SweepsAsync(LocalDate today, CancellationToken cancellationToken) =>
        [.. (await runs.ListAsync(today.PlusDays(-RecentDays), today, cancellationToken)).OrderByDescending(r => r.StartedAt).Take(10).Select(r => new SweepView(
            $"{VietnamTime.Format(r.Date)}, lúc {VietnamTime.Moment(r.StartedAt)}",
            !r.WorkingDay ? "ngày nghỉ, không gửi" : r.Succeeded ? "thành công" : "có lỗi: " + string.Join("; ", r.Errors.Take(2)),
            $"{r.DigestsCreated} thư mới, {r.Notices} nhắc việc, {r.RowsRead} dòng đã đọc"))];

    private async Task<string> MailAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var days = await outbox.CountByDayAsync(today, RecentDays, cancellationToken);
        return $"{RecentDays} ngày qua: {days.Sum(d => d.Sent)} thư đã gửi, {days.Sum(d => d.Failed)} thư không gửi được, "
            + $"{days.Sum(d => d.Pending + d.Sending)} thư đang chờ gửi.";
    }

    private static string Percent(decimal value) => VietnameseNumbers.Percent(value);
}
