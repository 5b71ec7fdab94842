using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Diagnostics;
using Tdkt.Hosting;
using Tdkt.Reminders;

namespace Tdkt.Scheduling;

/// <summary>
/// The use case "sweep a day", as every host calls it: the timer and the self-hosted scheduler sweep today in
/// Vietnam, <c>tdkt sweep</c> any date. On a working day (not a dry run) it first sets right the due-date index rows
/// an interrupted completion left behind (<see cref="IndexRepair"/>), then sweeps (<see cref="ReminderSweep"/>).
/// Firing twice, or late, is safe: digests are keyed by (agency, date) and written insert-if-absent, and missed
/// days are covered by the next run. The working calendar is read again first (<see cref="Calendar.CalendarStore"/>).
/// </summary>
public sealed partial class DailySweep(ReminderSweep sweep, IndexRepair repair, SweepRuns runs, ReminderRules rules, Retention.RetentionSweep retention,
    Calendar.CalendarStore calendars, VietnamClock clock, ILogger<DailySweep> logger)
{
    public Task<SweepResult> RunTodayAsync(string trigger, CancellationToken cancellationToken) =>
        RunAsync(clock.Today, dryRun: false, trigger, null, cancellationToken);

    public async Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("tdkt.sweep");
        activity?.SetTag(Telemetry.Tags.Date, DueIndex.Key(date));
        activity?.SetTag(Telemetry.Tags.Trigger, trigger);
        activity?.SetTag("tdkt.dry_run", dryRun);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await SweepAsync(date, dryRun, trigger, progress, cancellationToken);
            activity?.SetTag("tdkt.working_day", result.WorkingDay);
            activity?.SetTag("tdkt.digests.created", result.Created);
            activity?.SetTag("tdkt.rows_read", result.RowsRead + result.SummaryRowsRead);
            if (!dryRun)
            {
                var outcome = result.Errors.Count == 0 ? "succeeded" : "failed";
                activity?.SetTag(Telemetry.Tags.Outcome, outcome);
                Telemetry.SweepRuns.Add(1, new KeyValuePair<string, object?>(Telemetry.Tags.Outcome, outcome),
                    new KeyValuePair<string, object?>("tdkt.working_day", result.WorkingDay));
                Telemetry.SweepRowsRead.Add(result.RowsRead + result.SummaryRowsRead);
                Telemetry.DigestsCreated.Add(result.Created);
                Telemetry.SweepDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            return result;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            if (!dryRun)
            {
                Telemetry.SweepRuns.Add(1, new KeyValuePair<string, object?>(Telemetry.Tags.Outcome, "failed"));
            }
            throw;
        }
    }

    private async Task<SweepResult> SweepAsync(LocalDate date, bool dryRun, string trigger, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        // The years an administrator announced since the last sweep (tdkt calendar set) apply from this one.
        await calendars.RefreshAsync(cancellationToken);
        var repaired = 0;
        if (!dryRun && rules.Calendar.IsWorkingDay(date))
        {
            (_, repaired) = await repair.RunAsync(await RepairSinceAsync(date, cancellationToken), cancellationToken);
            if (repaired > 0)
            {
                LogIndexRepaired(DueIndex.Key(date), repaired);
            }
        }
        var result = await sweep.RunAsync(date, dryRun, trigger, progress, repaired, cancellationToken);
        if (!dryRun)
        {
            await ReduceAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Retention after the sweep, bounded per run; a failure here is logged and never fails the sweep (the next run goes on).</summary>
    private async Task ReduceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await retention.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (Storage.StorageFailure.IsStorage(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogRetentionFailed(Storage.StorageFailure.Describe(ex));
        }
    }

    /// <summary>
    /// Changes since the start of the day of the last successful run (a completion during that run may have been
    /// read before its index write), or over the catch-up month when there is none.
    /// </summary>
    private async Task<Instant> RepairSinceAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var last = await runs.LastSucceededBeforeAsync(date, cancellationToken) ?? date.PlusDays(-SweepRuns.CatchUpDays);
        return last.AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sweep {Date}: {Repaired} due-date index rows disagreed with their assignment (a completion, undo or reopen interrupted before its index write) and were set right")]
    private partial void LogIndexRepaired(string date, int repaired);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Retention did not run to the end: {Cause}; the next sweep goes on")]
    private partial void LogRetentionFailed(string cause);
}
