using Microsoft.Extensions.DependencyInjection;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Reminders;

/// <summary>
/// A completion (or undo) interrupted after its transaction and before its due-date index write leaves the index
/// saying the opposite of the assignment. The next sweep sets it right before reading it, so the agency is not
/// reminded of a task it marked done, nor left without reminders for one it reopened.
/// </summary>
public sealed class IndexRepairTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_completion_whose_index_write_was_lost_is_not_reminded_and_its_index_row_is_set_right()
    {
        await using var scenario = await WithTaskOneDoneAsync();
        var (index, due, row) = IndexRow(scenario, "1", "so-noi-vu");
        await index.SetDoneAsync(due, row, false, Ct);
        // As the index stands, 24/03 would remind Sở Nội vụ of task 1 (a dry run reads it without repairing).
        Assert.Contains((await scenario.RunAsync("2023-03-24", dryRun: true)).Digests.Single(d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1");

        var result = await scenario.RunAsync("2023-03-24");

        Assert.Equal(1, result.IndexRepaired);
        // Kept in the run record, which `tdkt status` shows.
        Assert.Equal(1, (await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(D("2023-03-24"), D("2023-03-24"), Ct)).Single().IndexRepaired);
        Assert.DoesNotContain(result.Digests.Single(d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1");
        Assert.Contains(result.Digests.Single(d => d.Key.Agency == "ubnd-tinh").Notices, n => n.Task == "1");
        Assert.True((await index.GetDoneAsync(due, row, Ct))!.Value.Done);
    }

    [Fact]
    public async Task A_reopened_task_whose_index_write_was_lost_is_reminded_again()
    {
        await using var scenario = await WithTaskOneDoneAsync();
        var task = scenario.Plan.Tasks.Single(t => t.Number == "1");
        var reopened = await scenario.Provider.GetRequiredService<CompletionService>()
            .ReopenAsync(scenario.Plan.Id, task.Key, "so-noi-vu", "Hồ sơ chưa đủ", "admin", Ct);
        Assert.Single(reopened);
        var (index, due, row) = IndexRow(scenario, "1", "so-noi-vu");
        await index.SetDoneAsync(due, row, true, Ct);

        var result = await scenario.RunAsync("2023-03-24");

        Assert.Equal(1, result.IndexRepaired);
        Assert.Contains(result.Digests.Single(d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1");
        Assert.False((await index.GetDoneAsync(due, row, Ct))!.Value.Done);
    }

    [Fact]
    public async Task When_index_and_assignments_agree_nothing_is_written_and_changes_before_the_last_run_are_not_read_again()
    {
        await using var scenario = await WithTaskOneDoneAsync();
        var repair = scenario.Provider.GetRequiredService<IndexRepair>();

        Assert.Equal(0, (await scenario.RunAsync("2023-03-24")).IndexRepaired);
        // The run of 24/03 succeeded: the sweep of 27/03 looks only at changes from 24/03 on.
        Assert.Equal((1, 0), await repair.RunAsync(D("2023-03-20").AtStartOfDayInZone(VietnamTime.Zone).ToInstant(), Ct));
        Assert.Equal((0, 0), await repair.RunAsync(D("2023-03-24").AtStartOfDayInZone(VietnamTime.Zone).ToInstant(), Ct));
    }

    /// <summary>The sample plan with Sở Nội vụ's part of task 1 marked done on 20/03/2023, index included.</summary>
    private async Task<ReminderScenario> WithTaskOneDoneAsync()
    {
        var scenario = await StartAsync(services);
        scenario.At(D("2023-03-20"));
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-03-20");
        return scenario;
    }

    private static (DueIndex Index, NodaTime.LocalDate Due, string Row) IndexRow(ReminderScenario scenario, string taskNumber, string agency)
    {
        var task = scenario.Plan.Tasks.Single(t => t.Number == taskNumber);
        return (scenario.Provider.GetRequiredService<DueIndex>(), task.Deadline.Due,
            DueEntry.RowKeyFor(scenario.Plan.Id.Value, PlanStore.AssignmentKey(task, new AgencyId(agency))));
    }
}
