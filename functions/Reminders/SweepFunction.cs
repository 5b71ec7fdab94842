using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Tdkt.Hosting;
using Tdkt.Reminders;

namespace Tdkt.Functions.Reminders;

/// <summary>
/// The daily sweep, on the UTC schedule in <c>Tdkt:Sweep:Schedule</c>. It sweeps today's local date in
/// Asia/Ho_Chi_Minh; the working calendar decides whether anything is sent. Firing twice, or late
/// (IsPastDue), is safe: digests are keyed by (agency, date) and written insert-if-absent, and missed
/// days are covered by the next run.
/// </summary>
public sealed class SweepFunction(ReminderSweep sweep, IClock clock)
{
    [Function("Sweep")]
    public async Task Run([TimerTrigger("%Tdkt:Sweep:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await sweep.RunAsync(VietnamTime.Today(clock), dryRun: false, timer.IsPastDue ? "timer-past-due" : "timer", cancellationToken);
    }
}
