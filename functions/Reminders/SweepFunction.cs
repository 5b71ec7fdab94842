using Microsoft.Azure.Functions.Worker;
using Tdkt.Scheduling;

namespace Tdkt.Functions.Reminders;

/// <summary>The daily sweep on the UTC schedule in <c>Tdkt:Sweep:Schedule</c>; firing twice or late is safe (<see cref="DailySweep"/>).</summary>
public sealed class SweepFunction(DailySweep sweep)
{
    [Function("Sweep")]
    public Task Run([TimerTrigger("%Tdkt:Sweep:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunTodayAsync(timer?.IsPastDue == true ? SweepTriggers.TimerPastDue : SweepTriggers.Timer, cancellationToken);
}
