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

    [Fact]
    public async Task Run_by_hand_through_the_admin_API_the_sweep_is_recorded_as_such_not_as_the_timer()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        var function = ActivatorUtilities.CreateInstance<SweepFunction>(scenario.Provider);
        scenario.Clock.Reset(NodaTime.Instant.FromUtc(2023, 3, 24, 3, 0));
        var now = scenario.Time.GetUtcNow().UtcDateTime;

        // As the host passes them: by hand, the kept status's Next is the coming occurrence; on schedule, it is now.
        await function.Run(new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = now.AddHours(-22), Next = now.AddHours(2) } }, TestContext.Current.CancellationToken);
        await function.Run(new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = now.AddDays(-1), Next = now.AddSeconds(-1) } }, TestContext.Current.CancellationToken);

        var runs = await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(ReminderScenario.D("2023-03-24"), ReminderScenario.D("2023-03-24"), TestContext.Current.CancellationToken);
        Assert.Equal(["admin-api", "timer"], runs.Select(r => r.Trigger).Order(StringComparer.Ordinal));
    }
}
