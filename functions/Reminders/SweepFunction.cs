using Microsoft.Azure.Functions.Worker;
using Tdkt.Scheduling;

namespace Tdkt.Functions.Reminders;

/// <summary>The daily sweep on the UTC schedule in <c>Tdkt:Sweep:Schedule</c>; firing twice or late is safe (<see cref="DailySweep"/>).</summary>
public sealed class SweepFunction(DailySweep sweep, TimeProvider time)
{
    [Function("Sweep")]
    public Task Run([TimerTrigger("%Tdkt:Sweep:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunTodayAsync(SweepTriggers.OfTimer(timer?.IsPastDue == true, timer?.ScheduleStatus?.Next, time.GetUtcNow()), cancellationToken);
}
