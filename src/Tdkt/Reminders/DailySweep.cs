using NodaTime;
using Tdkt.Hosting;

namespace Tdkt.Reminders;

/// <summary>What started a sweep, as its run record keeps it.</summary>
public static class SweepTriggers
{
    public const string Timer = "timer";

    /// <summary>The timer fired late (the host was down at the scheduled time); missed days are covered.</summary>
    public const string TimerPastDue = "timer-past-due";

    public const string Cli = "cli";

    /// <summary>The self-hosted server's first sweep at start.</summary>
    public const string SelfHostStart = "tdkt-up";
}

/// <summary>
/// The use case "sweep a day", as every host calls it: the timer and the self-hosted scheduler sweep today in
/// Vietnam, <c>tdkt sweep</c> any date. Firing twice, or late, is safe: digests are keyed by (agency, date) and
/// written insert-if-absent, and missed days are covered by the next run.
/// </summary>
public sealed class DailySweep(ReminderSweep sweep, VietnamClock clock)
{
    public Task<SweepResult> RunTodayAsync(string trigger, CancellationToken cancellationToken) =>
        sweep.RunAsync(clock.Today, dryRun: false, trigger, null, cancellationToken);

    public Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, IProgress<WorkProgress>? progress, CancellationToken cancellationToken) =>
        sweep.RunAsync(date, dryRun, trigger, progress, cancellationToken);
}
