using Microsoft.Extensions.DependencyInjection;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.DeadlineExtensions;
using Tdkt.Outbox;
using Tdkt.Reports;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Extensions;

/// <summary>Requests for more time, their answers and an administrator's extension, against Azurite: the index, the sweep and the report follow.</summary>
public sealed class ExtensionTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Plan = "2023-252-kh-ubnd";

    private static async Task<(ExtensionService Service, TaskRef Task)> ArrangeAsync(Reminders.ReminderScenario scenario, string number = "1")
    {
        scenario.At(D("2023-03-24"));
        return (scenario.Provider.GetRequiredService<ExtensionService>(), new TaskRef(scenario.Plan.Id, scenario.Plan.Tasks.Single(t => t.Number == number).Key));
    }

    [Fact]
    public async Task An_approved_request_moves_the_due_date_so_the_sweep_reminds_and_the_report_counts_against_the_new_date()
    {
        await using var scenario = await StartAsync(services);
        var (extensions, task) = await ArrangeAsync(scenario);

        var asked = await extensions.RequestAsync("so-noi-vu", task, D("2023-04-14"), "Chờ số liệu của các huyện", "Nguyễn Văn A", null, null, Ct);
        var twice = await extensions.RequestAsync("so-noi-vu", task, D("2023-04-20"), "Lần nữa", null, null, null, Ct);
        scenario.Clock.Advance(NodaTime.Duration.FromHours(2));
        var notSupervisor = await extensions.DecideAsync("so-tai-chinh", "so-noi-vu", task, true, null, null, null, null, null, Ct);
        var approved = await extensions.DecideAsync("ubnd-tinh", "so-noi-vu", task, true, null, "Đồng ý", "Trần Thị B", null, null, Ct);
        var again = await extensions.DecideAsync("ubnd-tinh", "so-noi-vu", task, true, null, null, null, null, null, Ct);

        Assert.Equal([ExtensionOutcome.Requested, ExtensionOutcome.AlreadyPending, ExtensionOutcome.NotSupervisor, ExtensionOutcome.Approved, ExtensionOutcome.NotPending],
            new[] { asked, twice, notSupervisor, approved, again }.Select(r => r.Outcome));
        Assert.Equal(D("2023-04-14"), approved.Due);
        var record = await scenario.Provider.GetRequiredService<CompletionStore>().GetAsync(Plan, task.AssignmentKey("so-noi-vu"), Ct);
        Assert.Equal((D("2023-04-14"), D("2023-03-31"), true, ExtensionStatus.Approved), (record!.Due, record.PlanDue, record.Extended, record.Extension.Request!.Status));

        var dueDay = await scenario.RunAsync("2023-03-31");
        var before = await scenario.RunAsync("2023-04-07");
        var overdue = await scenario.RunAsync("2023-04-17");

        var onDue = Assert.Single(dueDay.Digests, d => d.Key.Agency == "so-noi-vu");
        Assert.DoesNotContain(onDue.Notices, n => n.Task == "1");
        Assert.Contains(onDue.Notices, n => n.Task == "2");
        Assert.Equal((NoticeKind.Upcoming, D("2023-04-14")),
            Assert.Single(Assert.Single(before.Digests, d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1") is var n ? (n.Kind, n.Due) : default);
        Assert.Equal((NoticeKind.Overdue, D("2023-04-14")),
            Assert.Single(Assert.Single(overdue.Digests, d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1") is var o ? (o.Kind, o.Due) : default);

        // Done on 10/04: late against the plan's 31/03, on time against the extension.
        await scenario.Provider.GetRequiredService<CompletionService>().CompleteOnBehalfAsync("so-noi-vu", task, D("2023-04-10"), "Người thử", null, Ct);
        var report = await scenario.Provider.GetRequiredService<PlanReports>().ComputeAsync(scenario.Plan.Id, D("2023-04-17"), Ct);
        var line = report!.Lines.Single(l => l.Agency == "so-noi-vu" && l.Quarter == 1);
        Assert.Equal((1, 0, 1), (line.Counts.DoneOnTime, line.Counts.DoneLate, line.Counts.Extended));
        Assert.Contains("(trong đó 1 được gia hạn)", ReportFormats.Text(report), StringComparison.Ordinal);
        Assert.Contains("\"extended\":1", System.Text.Json.JsonSerializer.Serialize(ReportFormats.Json(report)), StringComparison.Ordinal);
        Assert.Contains("Trong đó được gia hạn", System.Text.Encoding.UTF8.GetString(ReportFormats.Csv(report)), StringComparison.Ordinal);
        Assert.DoesNotContain((await scenario.RunAsync("2023-04-18")).Digests.SelectMany(d => d.Notices), x => x.Task == "1" && x.Plan == Plan);

        var audit = await scenario.Provider.GetRequiredService<AuditLog>().ListAsync(Plan, Ct);
        Assert.Equal(["extension-request Nguyễn Văn A 2023-04-14: Chờ số liệu của các huyện", "extension-approve Trần Thị B 2023-03-31 → 2023-04-14: Đồng ý"],
            audit.Where(a => a.Action.StartsWith("extension", StringComparison.Ordinal)).Select(a => $"{a.Action} {a.By} {a.Note}"));
    }

    [Fact]
    public async Task A_declined_request_keeps_the_date_and_the_rules_refuse_what_makes_no_sense()
    {
        await using var scenario = await StartAsync(services);
        var (extensions, task) = await ArrangeAsync(scenario);

        var earlier = await extensions.RequestAsync("so-noi-vu", task, D("2023-03-30"), "Sớm hơn", null, null, null, Ct);
        var far = await extensions.RequestAsync("so-noi-vu", task, D("2024-04-30"), "Gõ nhầm năm", null, null, null, Ct);
        var noReason = await extensions.RequestAsync("so-noi-vu", task, D("2023-04-14"), "  ", null, null, null, Ct);
        var notHeld = await extensions.RequestAsync("so-tai-chinh", task, D("2023-04-14"), "Không giao", null, null, null, Ct);
        var asked = await extensions.RequestAsync("so-noi-vu", task, D("2023-04-14"), "Chờ số liệu", null, null, null, Ct);
        var declineWithoutReason = await extensions.DecideAsync("ubnd-tinh", "so-noi-vu", task, false, null, "", null, null, null, Ct);
        var declined = await extensions.DecideAsync("ubnd-tinh", "so-noi-vu", task, false, null, "Báo cáo cần gửi đúng hạn để tổng hợp", null, null, null, Ct);

        Assert.Equal([ExtensionOutcome.NotLater, ExtensionOutcome.TooFar, ExtensionOutcome.NoReason, ExtensionOutcome.NotHeld,
                ExtensionOutcome.Requested, ExtensionOutcome.NoReason, ExtensionOutcome.Declined],
            new[] { earlier, far, noReason, notHeld, asked, declineWithoutReason, declined }.Select(r => r.Outcome));
        var record = await scenario.Provider.GetRequiredService<CompletionStore>().GetAsync(Plan, task.AssignmentKey("so-noi-vu"), Ct);
        Assert.Equal((D("2023-03-31"), false, ExtensionStatus.Declined, "Báo cáo cần gửi đúng hạn để tổng hợp"),
            (record!.Due, record.Extended, record.Extension.Request!.Status, record.Extension.Request.Answer));
        var dueDay = await scenario.RunAsync("2023-03-31");
        Assert.Contains(Assert.Single(dueDay.Digests, d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1" && n.Kind == NoticeKind.Due);
    }

    [Fact]
    public async Task A_re_import_keeps_the_extension_unless_the_plan_itself_moves_the_date_later()
    {
        await using var scenario = await StartAsync(services);
        var (extensions, task) = await ArrangeAsync(scenario);
        await extensions.DecideAsAdminAsync("so-noi-vu", task, true, D("2023-04-14"), null, "quản trị", Ct);
        var index = scenario.Provider.GetRequiredService<DueIndex>();
        var row = DueEntry.RowKeyFor(Plan, task.AssignmentKey("so-noi-vu"));

        // Another task's text changes: the import rewrites every row, and the extension stays.
        var edited = scenario.Plan with { Tasks = scenario.Plan.Tasks.Select(t => t.Number == "2" ? t with { Content = t.Content + " (sửa)" } : t).ToValueList() };
        Assert.Equal(Tdkt.Plans.PlanSaveOutcome.Updated, await scenario.Plans.SaveAsync(edited, Ct));
        Assert.NotNull(await index.GetDoneAsync(D("2023-04-14"), row, Ct));
        Assert.Null(await index.GetDoneAsync(D("2023-03-31"), row, Ct));

        // The plan now gives 28/04 itself: later than the extension, so it is the date in force.
        var later = edited with { Tasks = edited.Tasks.Select(t => t.Number == "1" ? t with { Deadline = t.Deadline with { Due = D("2023-04-28") } } : t).ToValueList() };
        Assert.Equal(Tdkt.Plans.PlanSaveOutcome.Updated, await scenario.Plans.SaveAsync(later, Ct));
        Assert.NotNull(await index.GetDoneAsync(D("2023-04-28"), row, Ct));
        Assert.Null(await index.GetDoneAsync(D("2023-04-14"), row, Ct));
        var record = await scenario.Provider.GetRequiredService<CompletionStore>().GetAsync(Plan, task.AssignmentKey("so-noi-vu"), Ct);
        Assert.Equal((D("2023-04-28"), false), (record!.Due, record.Extended));
    }

    [Fact]
    public async Task Task_extend_on_the_command_line_extends_answers_a_request_and_says_what_is_wrong()
    {
        await using var scenario = await StartAsync(services);
        scenario.At(D("2023-03-24"));
        var env = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        };
        var extensions = scenario.Provider.GetRequiredService<ExtensionService>();
        var task2 = new TaskRef(scenario.Plan.Id, scenario.Plan.Tasks.Single(t => t.Number == "2").Key);
        await extensions.RequestAsync("so-noi-vu", task2, D("2023-04-10"), "Chờ ý kiến", null, null, null, Ct);

        var extend = await CliInProcess.RunAsync(env, "task", "extend", Plan, "1", "--agency", "so-noi-vu", "--to", "2023-04-14", "--reason", "Theo Công văn 45/UBND");
        var json = await CliInProcess.RunAsync(env, "task", "extend", Plan, "1", "--agency", "so-noi-vu", "--to", "2023-04-21", "--json");
        var decline = await CliInProcess.RunAsync(env, "task", "extend", Plan, "2", "--agency", "so-noi-vu", "--decline", "--reason", "Cần đúng hạn");
        var nothingPending = await CliInProcess.RunAsync(env, "task", "extend", Plan, "2", "--agency", "so-noi-vu", "--decline", "--reason", "Lần nữa");
        var noDate = await CliInProcess.RunAsync(env, "task", "extend", Plan, "3", "--agency", "so-noi-vu");
        var badDate = await CliInProcess.RunAsync(env, "task", "extend", Plan, "3", "--agency", "so-noi-vu", "--to", "14/04/2023");
        var notLater = await CliInProcess.RunAsync(env, "task", "extend", Plan, "3", "--agency", "so-noi-vu", "--to", "2023-03-01");

        Assert.Equal((0, "Đã gia hạn nhiệm vụ số 1 của Sở Nội vụ từ 31/03/2023 đến 14/04/2023; nhắc việc và báo cáo tính theo hạn mới."), (extend.ExitCode, extend.StdOut.Trim()));
        Assert.Equal(0, json.ExitCode);
        using (var document = System.Text.Json.JsonDocument.Parse(json.StdOut))
        {
            Assert.Equal(("2023-04-21", "2023-04-14"), (document.RootElement.GetProperty("due").GetString(), document.RootElement.GetProperty("previousDue").GetString()));
        }
        Assert.Equal((0, "Đã không chấp thuận đề nghị gia hạn nhiệm vụ số 2 của Sở Nội vụ; hạn vẫn là 31/03/2023."), (decline.ExitCode, decline.StdOut.Trim()));
        Assert.Equal((1, "tdkt: Sở Nội vụ không có đề nghị gia hạn nhiệm vụ số 2 đang chờ ý kiến: không thay đổi gì."), (nothingPending.ExitCode, nothingPending.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Thiếu ngày gia hạn (--to yyyy-MM-dd): chưa thay đổi gì."), (noDate.ExitCode, noDate.StdErr.Trim()));
        Assert.Equal((2, "tdkt: --to “14/04/2023” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-04-15"), (badDate.ExitCode, badDate.StdErr.Trim()));
        Assert.Equal((2, "tdkt: Ngày gia hạn 01/03/2023 không sau hạn hiện tại (31/03/2023): chưa thay đổi gì."), (notLater.ExitCode, notLater.StdErr.Trim()));
        var complete = await CliInProcess.RunAsync(env, "task", "complete", Plan, "1", "--agency", "so-noi-vu", "--on", "2023-04-20");
        Assert.Equal((0, "Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ số 1 ngày 20/04/2023 (đúng hạn, hạn đã gia hạn 21/04/2023)."), (complete.ExitCode, complete.StdOut.Trim()));
        var index = scenario.Provider.GetRequiredService<DueIndex>();
        var row = DueEntry.RowKeyFor(Plan, new TaskRef(scenario.Plan.Id, scenario.Plan.Tasks.Single(t => t.Number == "1").Key).AssignmentKey("so-noi-vu"));
        var found = new List<bool>();
        foreach (var date in new[] { "2023-03-31", "2023-04-14", "2023-04-21" })
        {
            found.Add(await index.GetDoneAsync(D(date), row, Ct) is not null);
        }
        Assert.Equal([false, false, true], found);
        Assert.True((await index.GetDoneAsync(D("2023-04-21"), row, Ct))!.Value.Done);
    }
}
