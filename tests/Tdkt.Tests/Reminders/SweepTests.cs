using Microsoft.Extensions.DependencyInjection;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Reminders;

/// <summary>The sweep against Azurite with the 2023 sample plan.</summary>
public sealed class SweepTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_working_days_before_31_03_each_agency_gets_one_digest_of_its_due_soon_tasks()
    {
        await using var scenario = await StartAsync(services);

        var result = await scenario.RunAsync("2023-03-24");

        Assert.True(result.WorkingDay);
        var soNoiVu = Assert.Single(result.Digests, d => d.Key.Agency == "so-noi-vu");
        Assert.Equal(["so-noi-vu@example.org"], soNoiVu.To);
        Assert.Equal(["phong-tdkt.so-noi-vu@example.org"], soNoiVu.Cc);
        Assert.All(soNoiVu.Notices, n => Assert.Equal((NoticeKind.Upcoming, D("2023-03-31"), 5), (n.Kind, n.Due, n.WorkingDaysLeft)));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], soNoiVu.Notices.Select(n => n.Task));
        Assert.Equal(result.Digests.Count, result.Created);
        Assert.Equal(result.Digests.Select(d => d.Key.Value).Order(), (await scenario.Outbox.ListAsync(D("2023-03-24"), Ct)).Select(e => e.Key.Value).Order());
        Assert.DoesNotContain(result.Digests, d => d.Key.Agency == "cac-co-quan-lien-quan");
    }

    [Fact]
    public async Task Nothing_at_all_is_written_on_a_day_off_and_the_run_is_recorded()
    {
        await using var scenario = await StartAsync(services);

        foreach (var day in new[] { "2023-01-02", "2023-01-20", "2023-01-23", "2023-01-26", "2023-04-01" })
        {
            var result = await scenario.RunAsync(day);
            Assert.False(result.WorkingDay, day);
            Assert.Empty(result.Digests);
            Assert.Empty(await scenario.Outbox.ListAsync(D(day), Ct));
        }
        var runs = await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(D("2023-01-01"), D("2023-12-31"), Ct);
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.False(r.WorkingDay));
    }

    [Fact]
    public async Task Running_the_sweep_again_for_the_same_day_changes_nothing_and_creates_no_second_digest()
    {
        await using var scenario = await StartAsync(services);
        var first = await scenario.RunAsync("2023-01-03");
        var before = await scenario.Outbox.ListAsync(D("2023-01-03"), Ct);

        await scenario.CompleteAsync("1", "so-noi-vu", "2023-01-03");
        var again = await scenario.RunAsync("2023-01-03");

        Assert.True(first.Created > 0);
        Assert.Equal(0, again.Created);
        Assert.Equal(first.Created, again.Existing);
        Assert.Equal(before, await scenario.Outbox.ListAsync(D("2023-01-03"), Ct));
        var runs = await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(D("2023-01-03"), D("2023-01-03"), Ct);
        Assert.Equal([(0, first.Created), (first.Created, 0)], runs.Select(r => (r.DigestsCreated, r.DigestsExisting)).Order());
    }

    [Fact]
    public async Task Two_sweeps_at_once_create_each_digest_exactly_once()
    {
        await using var scenario = await StartAsync(services);
        scenario.At(D("2023-03-31"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => scenario.Sweep.RunAsync(D("2023-03-31"), false, "test", Ct))));

        var expected = results[0].Digests.Count + results[0].Summaries.Count;
        Assert.True(expected > 0);
        Assert.Equal(expected, results.Sum(r => r.Created));
        Assert.All(results, r => Assert.Equal(expected, r.Created + r.Existing));
        var rows = await scenario.Outbox.ListAsync(D("2023-03-31"), Ct);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_completed_assignment_drops_out_for_that_agency_only()
    {
        await using var scenario = await StartAsync(services);
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-03-20");

        var result = await scenario.RunAsync("2023-03-24", dryRun: true);

        Assert.DoesNotContain(result.Digests.Single(d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1");
        Assert.Contains(result.Digests.Single(d => d.Key.Agency == "ubnd-tinh").Notices, n => n.Task == "1");
    }

    [Fact]
    public async Task Escalation_copies_the_supervising_agency()
    {
        await using var scenario = await StartAsync(services);

        var result = await scenario.RunAsync("2023-04-07", dryRun: true);

        var digest = result.Digests.Single(d => d.Key.Agency == "so-noi-vu");
        Assert.Contains(digest.Notices, n => n.Kind == NoticeKind.Escalation && n.Due == D("2023-03-31") && n.WorkingDaysLeft == -5);
        Assert.Equal(["phong-tdkt.so-noi-vu@example.org", "ubnd-tinh@example.org"], digest.Cc);
    }

    [Fact]
    public async Task A_draft_plan_or_an_unfinished_import_is_not_swept()
    {
        await using var draft = await StartAsync(services, activate: false);
        Assert.Empty((await draft.RunAsync("2023-03-24", dryRun: true)).Digests);

        await using var scenario = await StartAsync(services);
        var plans = await scenario.Provider.GetRequiredService<Tdkt.Storage.StorageTables>().GetAsync(Tdkt.Storage.StorageTables.Plans, Ct);
        await plans.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("plan", scenario.Plan.Id.Value) { ["Pending"] = true }, Azure.Data.Tables.TableUpdateMode.Merge, Ct);
        Assert.Empty((await scenario.RunAsync("2023-03-24", dryRun: true)).Digests);
    }

    [Fact]
    public async Task After_missed_days_the_next_sweep_tells_the_state_once()
    {
        await using var scenario = await StartAsync(services);
        await scenario.RunAsync("2023-03-22");

        // 23/03 and 24/03 (5 working days before 31/03) were missed; Monday 27/03 catches up.
        var result = await scenario.RunAsync("2023-03-27");

        Assert.Equal([D("2023-03-23"), D("2023-03-24"), D("2023-03-27")], result.Window);
        var notices = result.Digests.Single(d => d.Key.Agency == "so-noi-vu").Notices;
        Assert.All(notices, n => Assert.Equal((NoticeKind.Upcoming, 4), (n.Kind, n.WorkingDaysLeft)));
        Assert.Equal(10, notices.Count);
    }

    [Fact]
    public async Task A_removed_task_is_no_longer_reminded()
    {
        await using var scenario = await StartAsync(services);
        var shorter = scenario.Plan with { Tasks = scenario.Plan.Tasks.Where(t => t.Number != "1").ToValueList() };
        await scenario.Plans.SaveAsync(shorter, Ct);

        var result = await scenario.RunAsync("2023-03-24", dryRun: true);

        Assert.DoesNotContain(result.Digests.SelectMany(d => d.Notices), n => n.Task == "1");
        Assert.Contains(result.Digests.SelectMany(d => d.Notices), n => n.Task == "2");
    }

    [Fact]
    public async Task The_weekly_summary_goes_to_each_supervising_agency_with_the_four_categories()
    {
        await using var scenario = await StartAsync(services);
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-03-30");
        await scenario.CompleteAsync("2", "so-noi-vu", "2023-04-05");
        await scenario.CompleteAsync("III.1", "so-tai-chinh", "2023-01-10");

        var result = await scenario.RunAsync("2023-04-10", dryRun: true);

        var toUbnd = Assert.Single(result.Summaries, s => s.Key.Agency == "ubnd-tinh");
        var soNoiVu = Assert.Single(toUbnd.Agencies, a => a.Agency == "so-noi-vu");
        var soNoiVuTasks = scenario.Plan.Tasks.Count(t => t.Agencies.Any(a => a.Value == "so-noi-vu"));
        var soNoiVuOverdue = scenario.Plan.Tasks.Count(t => t.Agencies.Any(a => a.Value == "so-noi-vu") && t.Deadline.Due < D("2023-04-10"));
        Assert.Equal((1, 1, soNoiVuTasks - soNoiVuOverdue, soNoiVuOverdue - 2), (soNoiVu.DoneOnTime, soNoiVu.DoneLate, soNoiVu.OpenInTime, soNoiVu.OpenOverdue));
        var toSoNoiVu = Assert.Single(result.Summaries, s => s.Key.Agency == "so-noi-vu");
        Assert.Equal(1, toSoNoiVu.Agencies.Single(a => a.Agency == "so-tai-chinh").DoneOnTime);
        Assert.Empty((await scenario.RunAsync("2023-04-11", dryRun: true)).Summaries);
    }

    [Fact]
    public async Task A_run_record_and_one_structured_log_line_carry_the_same_figures()
    {
        var logs = new CapturedLogs();
        await using var scenario = await StartAsync(services, logs: logs);

        var result = await scenario.RunAsync("2023-03-24");

        var run = Assert.Single(await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(D("2023-03-24"), D("2023-03-24"), Ct));
        Assert.Equal((true, "test", result.Created, 0, result.Notices, result.RowsRead + result.SummaryRowsRead, 0),
            (run.WorkingDay, run.Trigger, run.DigestsCreated, run.DigestsExisting, run.Notices, run.RowsRead, run.Errors.Count));
        Assert.True(run.EndedAt >= run.StartedAt);
        var log = Assert.Single(logs.Entries, e => e.Message.StartsWith("Sweep 2023-03-24", StringComparison.Ordinal)).Values;
        Assert.Equal((run.DigestsCreated, run.DigestsExisting, run.Notices, run.RowsRead, 0),
            ((int)log["DigestsCreated"]!, (int)log["DigestsExisting"]!, (int)log["Notices"]!, (int)log["RowsRead"]!, (int)log["Errors"]!));
    }

    [Fact]
    public async Task An_agency_missing_from_the_directory_is_named_and_the_others_still_get_their_digest()
    {
        await using var scenario = await StartAsync(services);
        var agencies = await scenario.Provider.GetRequiredService<Tdkt.Storage.StorageTables>().GetAsync(Tdkt.Storage.StorageTables.Agencies, Ct);
        await agencies.DeleteEntityAsync("agency", "van-phong-ubnd-tinh", cancellationToken: Ct);

        var result = await scenario.RunAsync("2023-03-24");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Cơ quan “van-phong-ubnd-tinh” có 1 nhiệm vụ cần nhắc nhưng không có trong danh bạ: chưa tạo thư. Bổ sung danh bạ (tdkt agencies import) rồi chạy lại.", error);
        Assert.Equal(6, result.Created);
        Assert.False((await scenario.Provider.GetRequiredService<SweepRuns>().ListAsync(D("2023-03-24"), D("2023-03-24"), Ct)).Single().Succeeded);
    }
}
