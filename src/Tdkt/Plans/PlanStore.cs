using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Plans.Import;
using Tdkt.Storage;

namespace Tdkt.Plans;

public enum PlanSaveOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record PlanSummary(PlanId Id, string Number, string Title, int Year, PlanStatus Status, int TaskCount, bool ImportIncomplete);

/// <summary>
/// Plans, tasks and assignments in Table Storage. A save is validated before it starts, marks the plan
/// row pending, writes tasks and assignments in per-partition batches, then clears the mark: a plan
/// whose import was cut off stays marked and is never swept until the import is run again
/// (docs/decisions/0003-plan-import-commit-marker.md). Re-saving an identical plan writes nothing, and
/// completion fields on assignments are never touched by a save.
/// </summary>
public sealed class PlanStore(StorageTables tables, IClock clock)
{
    private const string PlanPartition = "plan";

    public async Task<PlanSaveOutcome> SaveAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var hash = Hash(plan);
        var existing = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, plan.Id.Value, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("Hash") == hash && existing.Value.GetBoolean("Pending") != true)
        {
            return PlanSaveOutcome.Unchanged;
        }

        var status = existing.HasValue ? existing.Value!.GetString("Status") : plan.Status.ToString();
        var row = new TableEntity(PlanPartition, plan.Id.Value)
        {
            ["Number"] = plan.Number,
            ["Title"] = plan.Title,
            ["Issuer"] = plan.Issuer,
            ["IssuedOn"] = LocalDatePattern.Iso.Format(plan.IssuedOn),
            ["Year"] = plan.Year,
            ["Status"] = status,
            ["TaskCount"] = plan.Tasks.Count,
            ["Pending"] = true,
        };
        await plans.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);

        await Task.WhenAll(WriteTasksAsync(plan, cancellationToken), WriteAssignmentsAsync(plan, cancellationToken));

        row["Pending"] = false;
        row["Hash"] = hash;
        row["SavedAt"] = clock.GetCurrentInstant().ToDateTimeOffset();
        await plans.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return existing.HasValue ? PlanSaveOutcome.Updated : PlanSaveOutcome.Created;
    }

    public async Task<Plan?> GetAsync(PlanId id, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }
        var p = row.Value!;
        var taskTable = await tables.GetAsync(StorageTables.Tasks, cancellationToken);
        var tasks = new List<PlanTask>();
        await foreach (var t in taskTable.QueryAsync<TableEntity>(e => e.PartitionKey == id.Value, cancellationToken: cancellationToken))
        {
            if (t.GetBoolean("Removed") == true)
            {
                continue;
            }
            tasks.Add(new PlanTask(
                t.GetString("Number"),
                t.GetString("Content"),
                t.GetInt32("Quarter") ?? 0,
                new Deadline(Enum.Parse<DeadlineRule>(t.GetString("DeadlineRule")), t.GetString("DeadlinePhrase"),
                    LocalDatePattern.Iso.Parse(t.GetString("Due")).Value),
                t.GetString("Agencies").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => new AgencyId(a)).ToValueList()));
        }
        return new Plan(id, p.GetString("Number"), p.GetString("Title"), p.GetString("Issuer"),
            LocalDatePattern.Iso.Parse(p.GetString("IssuedOn")).Value, p.GetInt32("Year") ?? 0,
            Enum.Parse<PlanStatus>(p.GetString("Status")), tasks.ToValueList());
    }

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var list = new List<PlanSummary>();
        await foreach (var p in plans.QueryAsync<TableEntity>(e => e.PartitionKey == PlanPartition, cancellationToken: cancellationToken))
        {
            list.Add(new PlanSummary(new PlanId(p.RowKey), p.GetString("Number"), p.GetString("Title"), p.GetInt32("Year") ?? 0,
                Enum.Parse<PlanStatus>(p.GetString("Status")), p.GetInt32("TaskCount") ?? 0, p.GetBoolean("Pending") == true));
        }
        return list;
    }

    /// <summary>Changes a plan's status; false when there is no such plan. Uses the row's ETag so a concurrent import is not overwritten.</summary>
    public async Task<bool> SetStatusAsync(PlanId id, PlanStatus status, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var update = new TableEntity(PlanPartition, id.Value) { ["Status"] = status.ToString() };
        await plans.UpdateEntityAsync(update, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public static string AssignmentKey(PlanTask task, AgencyId agency) => $"{task.Key}--{agency.Value}";

    private async Task WriteTasksAsync(Plan plan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Tasks, cancellationToken);
        var rows = plan.Tasks.Select(t => new TableEntity(plan.Id.Value, t.Key)
        {
            ["Number"] = t.Number,
            ["Content"] = t.Content,
            ["Quarter"] = t.Quarter,
            ["DeadlineRule"] = t.Deadline.Rule.ToString(),
            ["DeadlinePhrase"] = t.Deadline.Phrase,
            ["Due"] = LocalDatePattern.Iso.Format(t.Deadline.Due),
            ["Agencies"] = string.Join(",", t.Agencies.Select(a => a.Value)),
            ["Removed"] = false,
        }).ToList();
        await UpsertAndRetireAsync(table, plan.Id.Value, rows, cancellationToken);
    }

    private async Task WriteAssignmentsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var rows = plan.Assignments.Select(a => new TableEntity(plan.Id.Value, AssignmentKey(a.Task, a.Agency))
        {
            ["TaskNumber"] = a.Task.Number,
            ["Agency"] = a.Agency.Value,
            ["IsLead"] = a.IsLead,
            ["Due"] = LocalDatePattern.Iso.Format(a.Task.Deadline.Due),
            ["Removed"] = false,
        }).ToList();
        await UpsertAndRetireAsync(table, plan.Id.Value, rows, cancellationToken);
    }

    /// <summary>Merges the rows (other columns, such as completion, are kept) and marks rows the plan no longer has as removed, never deleting them.</summary>
    private static async Task UpsertAndRetireAsync(TableClient table, string partition, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var retire = new List<TableEntity>();
        await foreach (var old in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", "Removed"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(old.RowKey) && old.GetBoolean("Removed") != true)
            {
                retire.Add(new TableEntity(partition, old.RowKey) { ["Removed"] = true });
            }
        }
        // Batches are independent upserts; a few in flight at once keep a large plan's save short.
        await Parallel.ForEachAsync(rows.Concat(retire).Chunk(100),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(
                chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r)), ct));
    }

    private static string Hash(Plan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalPlan.ToJson(plan with { Status = PlanStatus.Draft }))));
}
