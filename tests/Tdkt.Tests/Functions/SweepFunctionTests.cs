using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Functions.Reminders;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Functions;

public sealed class SweepFunctionTests(LocalServices services)
{
    [Fact]
    public async Task The_timer_sweeps_todays_Vietnam_date_and_firing_again_or_past_due_sends_nothing_twice()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var function = ActivatorUtilities.CreateInstance<SweepFunction>(scenario.Provider);
        // 01:00 UTC on 24/03/2023 is 08:00 in Vietnam; 20:00 UTC on 23/03 is already 03:00 on 24/03 there.
        scenario.Clock.Reset(NodaTime.Instant.FromUtc(2023, 3, 23, 20, 0));

        await function.Run(new TimerInfo { IsPastDue = true }, TestContext.Current.CancellationToken);
        await function.Run(new TimerInfo(), TestContext.Current.CancellationToken);

        var rows = await scenario.Outbox.ListAsync(ReminderScenario.D("2023-03-24"), TestContext.Current.CancellationToken);
        Assert.Equal(7, rows.Count);
        var runs = await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(ReminderScenario.D("2023-03-24"), ReminderScenario.D("2023-03-24"), TestContext.Current.CancellationToken);
        Assert.Equal([("timer", 0, 7), ("timer-past-due", 7, 0)], runs.Select(r => (r.Trigger, r.DigestsCreated, r.DigestsExisting)).OrderBy(r => r.Trigger, StringComparer.Ordinal));
        Assert.Empty(await scenario.Outbox.ListAsync(ReminderScenario.D("2023-03-23"), TestContext.Current.CancellationToken));
    }
}
