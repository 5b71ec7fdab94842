using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Outbox;
using Tdkt.Retention;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Retention;

/// <summary>
/// The daily sweep reduces what grows without bound, in bounded work per run: old send slots are deleted, sent digests
/// lose their content, IP addresses and user agents go after 90 days, names once the plan's records period is over;
/// what the reports count stays.
/// </summary>
public sealed class RetentionTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TableClient> TableAsync(ReminderScenario scenario, string name) =>
        await scenario.Provider.GetRequiredService<StorageTables>().GetAsync(name, Ct);

    [Fact]
    public async Task After_the_periods_the_sweep_removes_slots_sent_content_network_data_then_names_and_keeps_what_reports_count()
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        await scenario.RunAsync("2023-01-06");
        var digests = await scenario.Outbox.ListAsync(ReminderScenario.D("2023-01-06"), Ct);
        var sent = (await scenario.Outbox.TryLeaseAsync(digests[0].Key, Ct))!;
        Assert.True(await scenario.Outbox.MarkSentAsync(sent, "Smtp", new MailSendResult("id-1", "250 OK"), Ct));
        await (await TableAsync(scenario, StorageTables.MailSlots)).AddEntityAsync(new TableEntity("Smtp", "00000000000000000001"), Ct);
        var task = new TaskRef(scenario.Plan.Id, scenario.Plan.Tasks[0].Key);
        var store = scenario.Provider.GetRequiredService<CompletionStore>();
        await store.RecordAsync(task.Plan.Value, task.AssignmentKey("so-noi-vu"), scenario.Plan.Tasks[0].Deadline.Due, new LocalDate(2023, 1, 5),
            new CompletionInput("Nguyễn Văn An", "Đã gửi báo cáo", CompletionVia.Link, "203.0.113.7", "Mozilla/5.0"), Ct);
        // The page has read (and keeps) the agency's copies: what retention reduces must not be shown from them.
        Assert.Equal("203.0.113.7", (await store.OfAgencyAsync(task.Plan.Value, "so-noi-vu", fromCopies: true, Ct)).Single(r => r.TaskKey == task.TaskKey).Completion!.ClientIp);

        // 91 days later (real time), on a working day of the plan's year: network data and sent content go, names stay.
        scenario.Time.Advance(TimeSpan.FromDays(91));
        await scenario.RunAsync("2023-04-06");
        var audit = Assert.Single(await scenario.Provider.GetRequiredService<AuditLog>().ListAsync(task.Plan.Value, Ct));
        var record = (await store.GetAsync(task.Plan.Value, task.AssignmentKey("so-noi-vu"), Ct))!;
        var emptied = (await scenario.Outbox.GetAsync(sent.Key, Ct))!;
        var pending = (await scenario.Outbox.GetAsync(digests[1].Key, Ct))!;
        var slots = await (await TableAsync(scenario, StorageTables.MailSlots)).QueryAsync<TableEntity>(cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(("", "", "Nguyễn Văn An", "Đã gửi báo cáo"), (audit.ClientIp, audit.UserAgent, audit.By, audit.Note));
        Assert.Equal(((string?)null, (string?)null, "Nguyễn Văn An", true, new LocalDate(2023, 1, 5)),
            (record.Completion!.ClientIp, record.Completion.UserAgent, record.Completion.By, record.Done, record.Completion.On));
        var copy = (await store.OfAgencyAsync(task.Plan.Value, "so-noi-vu", fromCopies: true, Ct)).Single(r => r.TaskKey == task.TaskKey);
        Assert.Equal(((string?)null, (string?)null, "Nguyễn Văn An"), (copy.Completion!.ClientIp, copy.Completion.UserAgent, copy.Completion.By));
        Assert.Equal(("", OutboxStatus.Sent), (emptied.Payload, emptied.Status));
        Assert.Equal(digests[1].Payload, pending.Payload);
        Assert.Empty(slots);

        // In 2026 (two years after the plan's year): the names go too; the completion and its date stay.
        scenario.Clock.Reset(Instant.FromUtc(2026, 1, 5, 1, 0));
        await scenario.Provider.GetRequiredService<RetentionSweep>().RunAsync(Ct);
        var later = (await store.GetAsync(task.Plan.Value, task.AssignmentKey("so-noi-vu"), Ct))!;
        var laterAudit = Assert.Single(await scenario.Provider.GetRequiredService<AuditLog>().ListAsync(task.Plan.Value, Ct));
        Assert.Equal(((string?)null, true, new LocalDate(2023, 1, 5)), (later.Completion!.By, later.Done, later.Completion.On));
        Assert.Null((await store.OfAgencyAsync(task.Plan.Value, "so-noi-vu", fromCopies: true, Ct)).Single(r => r.TaskKey == task.TaskKey).Completion!.By);
        Assert.Equal(("", "Đã gửi báo cáo"), (laterAudit.By, laterAudit.Note));
    }

    [Fact]
    public async Task Each_run_changes_at_most_the_configured_rows_and_the_next_run_goes_on()
    {
        await using var scenario = await ReminderScenario.StartAsync(services, settings: new Dictionary<string, string?> { ["Tdkt:Retention:MaxRowsPerRun"] = "100" });
        var slots = await TableAsync(scenario, StorageTables.MailSlots);
        foreach (var batch in Enumerable.Range(1, 150).Chunk(100))
        {
            await slots.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("Smtp", i.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)))), Ct);
        }
        scenario.Time.Advance(TimeSpan.FromDays(3));
        var retention = scenario.Provider.GetRequiredService<RetentionSweep>();

        var first = await retention.RunAsync(Ct);
        var second = await retention.RunAsync(Ct);

        Assert.Equal((100, true), (first.SlotsDeleted, first.MoreLeft));
        Assert.Equal((50, false), (second.SlotsDeleted, second.MoreLeft));
    }
}
