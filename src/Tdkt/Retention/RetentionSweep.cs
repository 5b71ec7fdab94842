using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Storage;

namespace Tdkt.Retention;

/// <summary>
/// Reduces what grows without bound (<see cref="RetentionOptions"/>), in at most <see cref="RetentionOptions.MaxRowsPerRun"/>
/// rows per run, oldest first where keys allow: send-rate slots are deleted; sent digests lose their content; audit and
/// assignment rows lose IP addresses and user agents after <see cref="RetentionOptions.NetworkDataDays"/>, and the
/// names of who confirmed or reopened once the plan's records period is over. Ages are measured on the rows' own
/// storage timestamps (real time), years of plans on the business calendar. Each change carries the row's ETag, so a
/// completion or undo at the same moment wins and the row is looked at again next time. Nothing the reports count
/// (status, dates, via) is touched.
/// </summary>
public sealed partial class RetentionSweep(StorageTables tables, AssignmentTable assignments, PlanStore plans, Evidence.EvidenceStore evidence, IOptions<RetentionOptions> options, TimeProvider time,
    VietnamClock clock, ILogger<RetentionSweep> logger)
{

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var budget = new Budget(settings.MaxRowsPerRun);
        var now = time.GetUtcNow();
        var slots = await DeleteOldSlotsAsync(now.AddDays(-settings.MailSlotDays), budget, cancellationToken);
        var payloads = await RemoveSentPayloadsAsync(now.AddDays(-settings.SentPayloadDays), budget, cancellationToken);
        var network = 0;
        var names = 0;
        var files = 0;
        foreach (var plan in await plans.ListAsync(cancellationToken))
        {
            network += await assignments.EmptyColumnsAsync(plan.Id.Value, now.AddDays(-settings.NetworkDataDays), AuditLog.NetworkData, AssignmentColumns.NetworkData,
                budget.Take, cancellationToken);
            if (plan.Year + settings.NameYears < clock.Today.Year)
            {
                // The plan's records period is over (its year, then NameYears more): who confirmed is no longer needed.
                names += await assignments.EmptyColumnsAsync(plan.Id.Value, now, AuditLog.Names, AssignmentColumns.Names, budget.Take, cancellationToken);
                // The files agencies attached are records of the plan too: they go with the period.
                files += await evidence.PurgeAsync(plan.Id.Value, settings.MaxRowsPerRun, cancellationToken);
            }
        }
        var result = new RetentionResult(slots, payloads, network, names, budget.Exhausted) { FilesDeleted = files };
        if (result.Total > 0)
        {
            LogReduced(result.SlotsDeleted, result.PayloadsRemoved, result.NetworkDataRemoved, result.NamesRemoved, result.MoreLeft);
        }
        return result;
    }

    private async Task<int> DeleteOldSlotsAsync(DateTimeOffset before, Budget budget, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.MailSlots, cancellationToken);
        var old = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp lt {before}"), select: ["PartitionKey", "RowKey"],
            cancellationToken: cancellationToken))
        {
            if (!budget.Take())
            {
                break;
            }
            old.Add(row);
        }
        foreach (var batch in old.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
        return old.Count;
    }

    private async Task<int> RemoveSentPayloadsAsync(DateTimeOffset sentBefore, Budget budget, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var removed = 0;
        var filter = TableClient.CreateQueryFilter($"Status eq {OutboxStatus.Sent.Name()} and SentAt lt {sentBefore} and Payload gt {""}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!budget.Take())
            {
                break;
            }
            foreach (var column in row.Keys.Where(k => k.StartsWith("Payload", StringComparison.Ordinal)).ToList())
            {
                row.Remove(column);
            }
            row["Payload"] = "";
            row["PayloadRemovedAt"] = time.GetUtcNow();
            removed += await ConditionalWrite.TryAsync(() => table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)) ? 1 : 0;
        }
        return removed;
    }

    private sealed class Budget(int rows)
    {
        private int left = rows;

        public bool Exhausted { get; private set; }

        public bool Take()
        {
            if (left == 0)
            {
                Exhausted = true;
                return false;
            }
            left--;
            return true;
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information,
        Message = "Retention: {Slots} send slots deleted, {Payloads} sent digests emptied, {Network} rows without IP/user agent, {Names} rows without names; more left: {More}")]
    private partial void LogReduced(int slots, int payloads, int network, int names, bool more);
}
