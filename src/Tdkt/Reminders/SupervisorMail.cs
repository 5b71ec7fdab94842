using NodaTime;
using Tdkt.Agencies;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// What a working day's sweep sends to the agencies that follow the others up, beside the agencies' own digests: the
/// weekly summary (first working day of the week) and the periodic report after each period (<see cref="PeriodicReports"/>).
/// </summary>
public sealed class SupervisorMail(WeeklySummaries weekly, PeriodicReports periodic)
{
    public Task<(ValueList<WeeklySummary> Summaries, int RowsRead)> WeeklyAsync(
        LocalDate date, IEnumerable<PlanSummary> reminded, AgencyDirectory directory, CancellationToken cancellationToken) =>
        weekly.ComputeAsync(date, reminded, directory, cancellationToken);

    public Task<ValueList<PeriodicReportMail>> ReportsAsync(
        LocalDate date, IEnumerable<PlanSummary> reminded, AgencyDirectory directory, CancellationToken cancellationToken) =>
        periodic.ComputeAsync(date, reminded, directory, cancellationToken);
}
