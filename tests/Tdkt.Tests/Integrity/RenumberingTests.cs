using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// A completion belongs to its task, not to the task's number: a corrected plan that inserts a task at position 2
/// (v1: 1 A, 2 B, 3 C; v2: 1 A, 2 NEW, 3 B, 4 C) keeps B's completion on B. The import that would move or drop a
/// recorded completion lists it and is refused until confirmed; confirmed, the audit says what moved.
/// </summary>
public sealed class RenumberingTests(LocalServices services)
{
    private const string Id = "2023-9-kh-tdkt";
    private const string A = "Phát động phong trào thi đua năm 2023";
    private const string B = "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2022";
    private const string C = "Tổ chức hội nghị ký kết giao ước thi đua các cụm, khối";
    private const string New = "Hướng dẫn bình xét danh hiệu thi đua cấp cơ sở";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Yaml(params (string Number, string Content, string? Key)[] tasks) => Encoding.UTF8.GetBytes(
        $"id: {Id}\nnumber: 9/KH-TĐKT\ntitle: Thi đua năm 2023\nissuer: Hội đồng Thi đua - Khen thưởng tỉnh\nissuedOn: 2022-12-30\nyear: 2023\ntasks:\n"
        + string.Concat(tasks.Select(t => $"- number: \"{t.Number}\"\n  quarter: 1\n  deadline: QUÝ I\n  content: {t.Content}\n  agencies: [so-noi-vu, ubnd-tinh]\n"
            + (t.Key is null ? "" : $"  key: \"{t.Key}\"\n"))));

    private static readonly byte[] V1 = Yaml(("1", A, null), ("2", B, null), ("3", C, null));
    private static readonly byte[] V2 = Yaml(("1", A, null), ("2", New, null), ("3", B, null), ("4", C, null));

    private async Task<ServiceProvider> StartWithBDoneAsync(string? prefix = null)
    {
        var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix ?? TestHost.UniquePrefix() });
        await provider.GetRequiredService<Tdkt.Agencies.AgencyStore>().SaveAsync(Samples.Directory(), Ct);
        var first = await provider.GetRequiredService<PlanImport>().RunAsync(new PlanImportRequest(V1, "v1.yaml"), null, Ct);
        Assert.Equal(PlanImportResult.Saved, first.Result);
        await provider.GetRequiredService<PlanLifecycle>().SetStatusAsync(Id, PlanStatus.Active, Ct);
        var done = await provider.GetRequiredService<AdminCompletion>().CompleteAsync(
            new AdminCompleteRequest(Id, "2", "so-noi-vu", new LocalDate(2023, 3, 20), "Phòng TĐKT", "Đã gửi báo cáo số 15/BC-SNV"), Ct);
        Assert.Equal(AdminCompleteResult.Recorded, done.Result);
        return provider;
    }

    [Fact]
    public async Task Inserting_a_task_keeps_Bs_completion_on_B_once_confirmed_and_the_audit_says_it_moved()
    {
        await using var provider = await StartWithBDoneAsync();
        var import = provider.GetRequiredService<PlanImport>();
        var store = provider.GetRequiredService<PlanStore>();
        var before = await store.GetAsync(new PlanId(Id), Ct);

        var preview = await import.RunAsync(new PlanImportRequest(V2, "v2.yaml") { DryRun = true }, null, Ct);
        var refused = await import.RunAsync(new PlanImportRequest(V2, "v2.yaml"), null, Ct);

        Assert.Equal(PlanImportResult.Previewed, preview.Result);
        var change = Assert.Single(preview.Changes);
        Assert.Equal((TaskChangeKind.Renumbered, "2", "3", "so-noi-vu"), (change.Kind, change.OldNumber, change.NewNumber, change.DoneBy.Single().Value));
        Assert.Equal("Nhiệm vụ số 2 thành số 3; kết quả hoàn thành (Sở Nội vụ) đi theo nhiệm vụ sang số 3.", Assert.Single(preview.ChangeLines));
        Assert.Equal(PlanImportResult.NeedsConfirmation, refused.Result);
        Assert.Contains("--confirm-changes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await store.GetAsync(new PlanId(Id), Ct));

        var saved = await import.RunAsync(new PlanImportRequest(V2, "v2.yaml") { ConfirmChanges = true }, null, Ct);

        Assert.Equal((PlanImportResult.Saved, PlanSaveOutcome.Updated), (saved.Result, saved.Saved));
        var plan = (await store.GetAsync(new PlanId(Id), Ct))!;
        Assert.Equal(["1", "2", "3", "4"], plan.Tasks.Select(t => t.Number));
        Assert.Equal([A, New, B, C], plan.Tasks.Select(t => t.Content));
        var entries = await store.AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
        var doneNow = Assert.Single(entries, e => e.Done);
        Assert.Equal(("3", "so-noi-vu", new LocalDate(2023, 3, 20)), (doneNow.TaskNumber, doneNow.Agency, doneNow.CompletedOn));
        var record = await provider.GetRequiredService<CompletionStore>().GetAsync(Id, new global::Tdkt.Assignments.AssignmentKey(plan.Tasks[2].Key, "so-noi-vu").Value, Ct);
        Assert.Equal(("Phòng TĐKT", "Đã gửi báo cáo số 15/BC-SNV"), (record!.Completion!.By, record.Completion.Note));
        Assert.False(entries.Single(e => e.TaskNumber == "2" && e.Agency == "so-noi-vu").Done);

        // The due-date index, which the sweep reads, says the same: B is not reminded again, the new task is.
        var index = await (await provider.GetRequiredService<DueIndex>().TableAsync(Ct))
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "2023-03-31", cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([("1", false), ("2", false), ("3", true), ("4", false)],
            index.Where(r => r.RowKey.StartsWith(Id + "~", StringComparison.Ordinal) && r.RowKey.EndsWith("--so-noi-vu", StringComparison.Ordinal))
                .Select(r => (r.GetString("TaskNumber"), r.GetBoolean("Done") == true)).OrderBy(r => r.Item1, StringComparer.Ordinal));

        var moved = Assert.Single(await provider.GetRequiredService<AuditLog>().ListAsync(Id, Ct), a => a.Action == AuditLog.Actions.Renumber);
        Assert.Equal((plan.Tasks[2].Key + "--so-noi-vu", "Nhập v2.yaml: nhiệm vụ số 2 thành số 3."), (moved.Assignment, moved.Note));

        // Imported again, the same file changes nothing and needs no confirmation.
        var again = await import.RunAsync(new PlanImportRequest(V2, "v2.yaml"), null, Ct);
        Assert.Equal((PlanImportResult.Saved, PlanSaveOutcome.Unchanged), (again.Result, again.Saved));
    }

    [Fact]
    public async Task Removing_a_completed_task_or_its_agency_is_listed_and_needs_confirming_and_a_reworded_task_keeps_its_completion()
    {
        await using var provider = await StartWithBDoneAsync();
        var import = provider.GetRequiredService<PlanImport>();

        var dropped = await import.RunAsync(new PlanImportRequest(Yaml(("1", A, null), ("2", C, null)), "v2.yaml") { DryRun = true }, null, Ct);
        var reworded = await import.RunAsync(new PlanImportRequest(
            Yaml(("1", A, null), ("2", B.Replace("năm 2022", "năm 2022 và phương hướng năm 2023", StringComparison.Ordinal), null), ("3", C, null)), "v2.yaml"), null, Ct);

        var retired = Assert.Single(dropped.Changes);
        Assert.Equal((TaskChangeKind.Retired, "2", true), (retired.Kind, retired.OldNumber, retired.NeedsConfirming));
        Assert.Equal("Nhiệm vụ số 2 không còn trong kế hoạch; kết quả hoàn thành (Sở Nội vụ) sẽ không còn được tính.", dropped.ChangeLines.Single());
        Assert.Equal(PlanImportResult.Saved, reworded.Result);
        Assert.Equal(TaskChangeKind.Changed, Assert.Single(reworded.Changes).Kind);
        var entries = await provider.GetRequiredService<PlanStore>().AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
        Assert.Equal(("2", "so-noi-vu"), entries.Where(e => e.Done).Select(e => (e.TaskNumber, e.Agency)).Single());
    }

    [Fact]
    public async Task An_explicit_key_keeps_a_task_whose_text_and_number_both_change()
    {
        await using var provider = await StartWithBDoneAsync();
        var import = provider.GetRequiredService<PlanImport>();
        var keyOfB = (await provider.GetRequiredService<PlanStore>().GetAsync(new PlanId(Id), Ct))!.Tasks[1].Key;

        var saved = await import.RunAsync(new PlanImportRequest(
            Yaml(("1", A, null), ("2", New, null), ("5", "Nội dung viết lại hoàn toàn", keyOfB), ("4", C, null)), "v3.yaml") { ConfirmChanges = true }, null, Ct);

        Assert.Equal(PlanImportResult.Saved, saved.Result);
        var change = Assert.Single(saved.Changes);
        Assert.Equal((TaskChangeKind.Renumbered, "2", "5"), (change.Kind, change.OldNumber, change.NewNumber));
        var entries = await provider.GetRequiredService<PlanStore>().AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
        Assert.Equal("5", entries.Single(e => e.Done).TaskNumber);
    }

    [Fact]
    public async Task Over_HTTP_the_import_that_moves_a_completion_answers_409_with_the_changes_until_confirm_is_true()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        Assert.Equal(HttpStatusCode.Created, (await web.PostPlanAsync(V1, "application/yaml", "v1.yaml")).StatusCode);
        await web.Get<PlanLifecycle>().SetStatusAsync(Id, PlanStatus.Active, Ct);
        var done = await web.Get<AdminCompletion>().CompleteAsync(new AdminCompleteRequest(Id, "2", "so-noi-vu", null, null, null), Ct);
        Assert.Equal(AdminCompleteResult.Recorded, done.Result);

        using var refused = await web.PostPlanAsync(V2, "application/yaml", "v2.yaml");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        using var confirmed = await web.PostPlanAsync(V2, "application/yaml", "v2.yaml", "confirm=true");
        using var body = JsonDocument.Parse(await confirmed.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var change = problem.RootElement.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("renumbered", "2", "3"), (change.GetProperty("kind").GetString(), change.GetProperty("oldNumber").GetString(), change.GetProperty("newNumber").GetString()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("updated", body.RootElement.GetProperty("outcome").GetString());
        var entries = await web.Get<PlanStore>().AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
        Assert.Equal("3", entries.Single(e => e.Done).TaskNumber);
    }

    [Fact]
    public async Task Tdkt_plan_import_lists_the_move_exits_2_and_stores_it_with_confirm_changes()
    {
        var prefix = TestHost.UniquePrefix();
        await using var provider = await StartWithBDoneAsync(prefix);
        var file = Path.Combine(Path.GetTempPath(), $"v2-{Guid.NewGuid():N}.yaml");
        await File.WriteAllBytesAsync(file, V2, Ct);
        var environment = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = prefix,
        };
        try
        {
            var refused = await Cli.CliInProcess.RunAsync(environment, "plan", "import", file);
            var entriesAfterRefusal = await provider.GetRequiredService<PlanStore>().AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
            var confirmed = await Cli.CliInProcess.RunAsync(environment, "plan", "import", file, "--confirm-changes");

            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("- Nhiệm vụ số 2 thành số 3; kết quả hoàn thành (Sở Nội vụ) đi theo nhiệm vụ sang số 3.", refused.StdErr, StringComparison.Ordinal);
            Assert.Contains("Chưa lưu gì", refused.StdErr, StringComparison.Ordinal);
            Assert.Equal("2", entriesAfterRefusal.Single(e => e.Done).TaskNumber);
            Assert.Equal(0, confirmed.ExitCode);
            Assert.Contains("Đã cập nhật kế hoạch", confirmed.StdOut, StringComparison.Ordinal);
            var entries = await provider.GetRequiredService<PlanStore>().AssignmentsAsync(new PlanId(Id), null, Ct).ToListAsync(Ct);
            Assert.Equal("3", entries.Single(e => e.Done).TaskNumber);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
