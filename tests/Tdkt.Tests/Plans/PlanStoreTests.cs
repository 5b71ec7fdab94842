using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Plans;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

public sealed class PlanStoreTests(LocalServices services)
{
    private readonly ServiceProvider provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 1, 3, 1, 0),
        new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() });

    private PlanStore Store => provider.GetRequiredService<PlanStore>();

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var client = await provider.GetRequiredService<StorageTables>().GetAsync(table, TestContext.Current.CancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Records a completion the way the completion feature will: by merging columns onto the assignment row.</summary>
    private async Task<TableClient> CompleteAsync(Plan plan, string key, string? by = null)
    {
        var assignments = await provider.GetRequiredService<StorageTables>().GetAsync(StorageTables.Assignments, TestContext.Current.CancellationToken);
        await assignments.UpsertEntityAsync(new TableEntity(plan.Id.Value, key) { ["Status"] = "done", ["CompletedBy"] = by },
            TableUpdateMode.Merge, TestContext.Current.CancellationToken);
        return assignments;
    }

    private async Task<Dictionary<string, Azure.ETag>> ETagsAsync() =>
        (await RowsAsync(StorageTables.Assignments)).Concat(await RowsAsync(StorageTables.Tasks)).Concat(await RowsAsync(StorageTables.Plans))
            .ToDictionary(r => r.PartitionKey + "/" + r.RowKey, r => r.ETag);

    [Fact]
    public async Task A_saved_plan_reads_back_equal_with_one_assignment_per_task_and_agency()
    {
        var plan = Samples.Plan();

        Assert.Equal(PlanSaveOutcome.Created, await Store.SaveAsync(plan, TestContext.Current.CancellationToken));

        Assert.Equal(plan, await Store.GetAsync(plan.Id, TestContext.Current.CancellationToken));
        var rows = await RowsAsync(StorageTables.Assignments);
        var assignments = rows.Where(r => !r.RowKey.StartsWith('~')).ToList();
        Assert.Equal(plan.Tasks.Sum(t => t.Agencies.Count), assignments.Count);
        Assert.All(assignments, a => Assert.Matches("^[a-z0-9-]+$", a.PartitionKey + a.RowKey));
        // Each assignment has its agency's copy ("~by-{agency}--{task}"), which the agency page reads as one range.
        Assert.Equal(assignments.Select(a => AssignmentRows.AgencyRowKey(AssignmentKey.Parse(a.RowKey))).Order(StringComparer.Ordinal),
            rows.Where(r => r.RowKey.StartsWith(AssignmentRows.AgencyPrefix, StringComparison.Ordinal)).Select(r => r.RowKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Saving_the_same_plan_again_writes_nothing_and_keeps_completions()
    {
        var plan = Samples.Plan();
        await Store.SaveAsync(plan, TestContext.Current.CancellationToken);
        var key = PlanStore.AssignmentKey(plan.Tasks[0], plan.Tasks[0].Agencies[1]);
        var assignments = await CompleteAsync(plan, key, "Nguyễn Văn A");
        var before = await ETagsAsync();

        Assert.Equal(PlanSaveOutcome.Unchanged, await Store.SaveAsync(Samples.Plan(), TestContext.Current.CancellationToken));

        Assert.Equal(before, await ETagsAsync());
        var completed = (await assignments.GetEntityAsync<TableEntity>(plan.Id.Value, key, cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal("Nguyễn Văn A", completed.GetString("CompletedBy"));
    }

    [Fact]
    public async Task A_changed_plan_updates_tasks_keeps_completions_and_retires_removed_tasks_without_deleting()
    {
        var plan = Samples.Plan();
        await Store.SaveAsync(plan, TestContext.Current.CancellationToken);
        var doneKey = PlanStore.AssignmentKey(plan.Tasks[1], plan.Tasks[1].Agencies[0]);
        await CompleteAsync(plan, doneKey);

        var changed = plan with
        {
            Tasks = plan.Tasks.Skip(1).Select(t => t.Number == "2" ? t with { Content = t.Content + " (sửa đổi)" } : t).ToValueList(),
        };
        Assert.Equal(PlanSaveOutcome.Updated, await Store.SaveAsync(changed, TestContext.Current.CancellationToken));

        Assert.Equal(changed, await Store.GetAsync(plan.Id, TestContext.Current.CancellationToken));
        var rows = await RowsAsync(StorageTables.Assignments);
        Assert.Equal("done", rows.Single(r => r.RowKey == doneKey).GetString("Status"));
        Assert.All(rows.Where(r => r.RowKey.StartsWith("0001--", StringComparison.Ordinal)), r => Assert.True(r.GetBoolean("Removed")));
    }

    [Fact]
    public async Task Activating_keeps_the_status_across_a_reload()
    {
        var plan = Samples.Plan();
        await Store.SaveAsync(plan, TestContext.Current.CancellationToken);

        Assert.True(await Store.SetStatusAsync(plan.Id, PlanStatus.Active, TestContext.Current.CancellationToken));
        await Store.SaveAsync(plan with { Tasks = plan.Tasks.Take(3).ToValueList() }, TestContext.Current.CancellationToken);

        var summary = Assert.Single(await Store.ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((PlanStatus.Active, 3, false), (summary.Status, summary.TaskCount, summary.ImportIncomplete));
        Assert.False(await Store.SetStatusAsync(new PlanId("2099-khong-co"), PlanStatus.Active, TestContext.Current.CancellationToken));
    }
}
