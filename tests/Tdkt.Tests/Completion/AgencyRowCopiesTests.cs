using System.Net;
using Azure.Data.Tables;
using Tdkt.Assignments;
using Tdkt.Plans;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>
/// The agency page reads the agency's copies of its assignment rows as one range. A plan stored before the copies
/// existed is still read (by a filter) until its next import creates them, carrying over completions made before.
/// </summary>
public sealed class AgencyRowCopiesTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_stored_without_copies_is_read_by_filter_and_its_next_import_creates_them_with_the_completions()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostAsync(page, web.Task("1"))).StatusCode);
        // As a plan stored by an earlier version: no copies, no flag.
        var tables = web.Get<StorageTables>();
        var assignments = await tables.GetAsync(StorageTables.Assignments, Ct);
        var copies = await assignments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {web.Plan.Id.Value} and RowKey ge {AssignmentRows.AgencyPrefix} and RowKey lt {AssignmentRows.AgencyEnd}"), cancellationToken: Ct).ToListAsync(Ct);
        foreach (var copy in copies)
        {
            await assignments.DeleteEntityAsync(copy, Azure.ETag.All, Ct);
        }
        await (await tables.GetAsync(StorageTables.Plans, Ct)).UpsertEntityAsync(new TableEntity("plan", web.Plan.Id.Value) { ["AgencyRows"] = false, ["Hash"] = "old" },
            TableUpdateMode.Merge, Ct);

        var before = System.Net.WebUtility.HtmlDecode(await web.PageAsync(page));
        await web.Get<PlanStore>().SaveAsync(web.Plan, Ct);
        var after = System.Net.WebUtility.HtmlDecode(await web.PageAsync(page));
        var recreated = await assignments.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {web.Plan.Id.Value} and RowKey ge {AssignmentRows.AgencyPrefix} and RowKey lt {AssignmentRows.AgencyEnd}"), cancellationToken: Ct).ToListAsync(Ct);

        Assert.NotEmpty(copies);
        Assert.Contains("Nguyễn Văn An", before, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", after, StringComparison.Ordinal);
        Assert.Equal(copies.Count, recreated.Count);
        var first = recreated.Single(r => r.RowKey == AssignmentRows.AgencyRowKey(new AssignmentKey(web.Task("1").TaskKey, "so-noi-vu")));
        Assert.Equal(("done", "Nguyễn Văn An"), (first.GetString("Status"), first.GetString("CompletedBy")));
        Assert.True((await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.HasAgencyRows);
    }

    [Fact]
    public async Task A_completion_and_its_undo_change_the_copy_in_the_same_transaction()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var assignments = await web.Get<StorageTables>().GetAsync(StorageTables.Assignments, Ct);
        var key = AssignmentRows.AgencyRowKey(new AssignmentKey(web.Task("2").TaskKey, "so-noi-vu"));

        await web.PostAsync(page, web.Task("2"), note: "Đã gửi");
        var done = (await assignments.GetEntityAsync<TableEntity>(web.Plan.Id.Value, key, cancellationToken: Ct)).Value;
        web.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        await web.PostAsync(page, web.Task("2"), action: "undo");
        var undone = (await assignments.GetEntityAsync<TableEntity>(web.Plan.Id.Value, key, cancellationToken: Ct)).Value;
        web.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        await web.PostAsync(page, web.Task("2"));
        var again = (await assignments.GetEntityAsync<TableEntity>(web.Plan.Id.Value, key, cancellationToken: Ct)).Value;

        Assert.Equal(("done", "Đã gửi"), (done.GetString("Status"), done.GetString("CompletedNote")));
        Assert.Equal(("", 1), (undone.GetString("Status"), undone.GetInt32("Undos")));
        // The second completion has no note: the copy does not keep the first one's.
        Assert.Equal(("done", ""), (again.GetString("Status"), again.GetString("CompletedNote")));
    }
}
