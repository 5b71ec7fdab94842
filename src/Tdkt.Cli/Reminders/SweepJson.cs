using NodaTime.Text;
using Tdkt.Outbox;
using Tdkt.Reminders;

namespace Tdkt.Cli.Reminders;

/// <summary>The documented JSON shape of a sweep, for scripts.</summary>
public static class SweepJson
{
    public static object For(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new
        {
            date = Iso(result.Date),
            workingDay = result.WorkingDay,
            window = result.Window.Select(Iso),
            digests = result.Digests.Select(d => new
            {
                agency = d.Key.Agency,
                to = d.To,
                cc = d.Cc,
                notices = d.Notices.Select(n => new { plan = n.Plan, task = n.Task, kind = n.Kind.Name(), due = Iso(n.Due) }),
            }),
            summaries = result.Summaries.Select(s => new
            {
                agency = s.Key.Agency,
                to = s.To,
                cc = s.Cc,
                agencies = s.Agencies.Select(a => new { agency = a.Agency, doneOnTime = a.DoneOnTime, doneLate = a.DoneLate, openInTime = a.OpenInTime, openOverdue = a.OpenOverdue }),
            }),
            reports = result.Reports.Select(r => new
            {
                key = r.Key.Value,
                agency = r.Key.Agency,
                to = r.To,
                cc = r.Cc,
                plans = r.Reports.Select(p => new { plan = p.Plan, period = p.Kind, start = p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
            }),
            created = result.Created,
            existing = result.Existing,
            rowsRead = result.RowsRead,
            summaryRowsRead = result.SummaryRowsRead,
            errors = result.Errors,
        };
    }

    public static string KindText(NoticeKind kind) => kind switch
    {
        NoticeKind.Kickoff => "trong quý",
        NoticeKind.Upcoming => "sắp đến hạn",
        NoticeKind.Due => "đến hạn",
        NoticeKind.Overdue => "quá hạn",
        NoticeKind.Escalation => "quá hạn (báo cơ quan theo dõi)",
        _ => kind.ToString(),
    };

    public static string DaysText(int workingDaysLeft) => workingDaysLeft switch
    {
        > 0 => $"còn {workingDaysLeft} ngày làm việc",
        0 => "hạn hôm nay",
        _ => $"quá hạn {-workingDaysLeft} ngày làm việc",
    };

    private static string Iso(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
