using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Outbox;
using Tdkt.Plans;

using Tdkt.Reports.Official;

namespace Tdkt.Reminders;

/// <summary>
/// Which periodic reports a working day's sweep puts in the outbox. For each reminded plan on a schedule (quarterly
/// unless set, <see cref="PlanSummary.ReportSchedule"/>): the period that ended last, once its send day (the first
/// working day after it) has come, mailed to the plan's reporting agency under the key of that send day. A sweep after
/// downtime writes the same key, so the report is sent once, late rather than never; a plan activated after a send day
/// does not send that period's report, and a plan reports only on periods of its own year.
/// </summary>
public sealed partial class PeriodicReports(PlanCache plans, OfficialReports official, OutboxStore outbox, ReminderRules rules, ILogger<PeriodicReports> logger)
{
    /// <summary>The reports to write today; a plan with no reporting agency to mail is logged (a warning) and skipped.</summary>
    public async Task<ValueList<PeriodicReportMail>> ComputeAsync(
        LocalDate date, IEnumerable<PlanSummary> reminded, AgencyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminded);
        var due = new List<(DigestKey Key, Agency Reporter, PeriodicReportItem Item)>();
        foreach (var summary in reminded.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            if (PeriodDue(summary, date) is not { } period)
            {
                continue;
            }
            // The plan's tasks as cached for its content version: read once, not on every working day of the period.
            if (await plans.GetAsync(summary, cancellationToken) is not { } plan)
            {
                continue;
            }
            if (official.Reporter(plan, directory) is not { To.Count: > 0 } reporter)
            {
                LogNoReporter(summary.Id.Value, period.Slug);
                continue;
            }
            var key = new DigestKey(period.SendDay(rules.Calendar), DigestKind.Report, reporter.Id.Value);
            due.Add((key, reporter, new PeriodicReportItem(summary.Id.Value, ReportPeriod.Name(period.Kind), period.Start)));
        }
        var mails = new List<PeriodicReportMail>();
        foreach (var group in due.GroupBy(d => d.Key))
        {
            // Already written (today or by an earlier sweep): nothing to do, and nothing to count as "already there" every day.
            if (await outbox.GetAsync(group.Key, cancellationToken) is null)
            {
                var reporter = group.First().Reporter;
                mails.Add(new PeriodicReportMail(group.Key, reporter.Name, reporter.To, reporter.Cc, group.Select(g => g.Item).ToValueList()));
            }
        }
        return mails.ToValueList();
    }

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning,
        Message = "Plan {Plan}: the report for {Period} is not mailed, no reporting agency with an address (set Tdkt:Reports:From, or supervisors and their addresses in the directory)")]
    private partial void LogNoReporter(string plan, string period);

    /// <summary>The period whose report is due on <paramref name="date"/> or was missed since, or null.</summary>
    private ReportPeriod? PeriodDue(PlanSummary plan, LocalDate date)
    {
        ReportPeriodKind? kind = plan.ReportSchedule switch
        {
            ReportSchedule.Monthly => ReportPeriodKind.Month,
            ReportSchedule.Quarterly => ReportPeriodKind.Quarter,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }
        var period = ReportPeriod.Containing(k, date).Previous;
        var sendDay = period.SendDay(rules.Calendar);
        if (sendDay > date || period.Start.Year != plan.Year || (plan.ActivatedOn is { } activated && sendDay < activated))
        {
            return null;
        }
        return period;
    }
}
