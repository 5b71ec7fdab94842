using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Hosting;
using Tdkt.Plans.Import;
using Tdkt.Storage;

namespace Tdkt.Plans;

/// <summary>
/// Plans, tasks and assignments in Table Storage. A save is validated before it starts, marks the plan
/// row pending, writes tasks and assignments in per-partition batches, then clears the mark: a plan
/// whose import was cut off stays marked and is never swept until the import is run again
/// (docs/decisions/0003-plan-import-commit-marker.md). Re-saving an identical plan writes nothing, and
/// completion fields on assignments are never touched by a save.
/// </summary>
public sealed class PlanStore(StorageTables tables, AssignmentTable assignments, DueIndex dueIndex, VietnamClock clock, TimeProvider time)
{
    private const string PlanPartition = "plan";

    public Task<PlanSaveOutcome> SaveAsync(Plan plan, CancellationToken cancellationToken) => SaveAsync(plan, null, [], cancellationToken);

    /// <summary>
    /// The same, telling <paramref name="progress"/> how many of the plan's rows (tasks, assignments, index) are written,
    /// and writing <paramref name="audit"/> (what the import did to recorded completions) before the plan counts as saved.
    /// </summary>
    public async Task<PlanSaveOutcome> SaveAsync(Plan plan, IProgress<WorkProgress>? progress, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var hash = Hash(plan);
        var existing = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, plan.Id.Value, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("Hash") == hash && existing.Value.GetBoolean("Pending") != true)
        {
            return PlanSaveOutcome.Unchanged;
        }

        var row = new TableEntity(PlanPartition, plan.Id.Value)
        {
            ["Number"] = plan.Number,
            ["Title"] = plan.Title,
            ["Issuer"] = plan.Issuer,
            ["IssuedOn"] = LocalDatePattern.Iso.Format(plan.IssuedOn),
            ["Year"] = plan.Year,
            ["TaskCount"] = plan.Tasks.Count,
            ["FirstDue"] = plan.Tasks.Count == 0 ? null : LocalDatePattern.Iso.Format(plan.Tasks.Min(t => t.Deadline.Due)),
        };
        // A plan already stored keeps its status (only activate/archive change it); a new one takes the file's.
        await using var lease = await ImportLease.TakeAsync(plans, row, r => r["Status"] = plan.Status.ToString(), time, cancellationToken);
        if (lease is null)
        {
            return PlanSaveOutcome.Busy;
        }

        var written = ProgressCounter.Growing(progress, "Lưu kế hoạch", "dòng");
        written?.Start();
        try
        {
            await Task.WhenAll(WriteTasksAsync(plan, written, lease.Token), WriteAssignmentsAsync(plan, written, lease.Token));
            await assignments.WriteAuditAsync(audit, lease.Token);
        }
        catch (OperationCanceledException) when (lease.Lost && !cancellationToken.IsCancellationRequested)
        {
            return PlanSaveOutcome.Superseded;
        }

        var commit = new TableEntity(PlanPartition, plan.Id.Value) { ["Hash"] = hash, ["SavedAt"] = clock.Now.ToDateTimeOffset(), ["AgencyRows"] = true };
        if (!await lease.CommitAsync(commit, cancellationToken))
        {
            return PlanSaveOutcome.Superseded;
        }
        return existing.HasValue ? PlanSaveOutcome.Updated : PlanSaveOutcome.Created;
    }

    /// <summary>Until when another import holds the plan (null when none does), for the message of a refused import.</summary>
    public async Task<DateTimeOffset?> ImportHeldUntilAsync(PlanId id, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        return ImportLease.HeldUntil(row.HasValue ? row.Value : null);
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
        var tasks = new List<(int Position, PlanTask Task)>();
        await foreach (var t in taskTable.QueryAsync<TableEntity>(e => e.PartitionKey == id.Value, cancellationToken: cancellationToken))
        {
            if (t.GetBoolean("Removed") == true)
            {
                continue;
            }
            // Rows saved before tasks had a position sort by key, which was then the plan's order.
            tasks.Add((t.GetInt32("Position") ?? tasks.Count, new PlanTask(
                t.GetString("Number"),
                t.GetString("Content"),
                t.GetInt32("Quarter") ?? 0,
                new Deadline(Enum.Parse<DeadlineRule>(t.GetString("DeadlineRule")), t.GetString("DeadlinePhrase"),
                    LocalDatePattern.Iso.Parse(t.GetString("Due")).Value),
                t.GetString("Agencies").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => new AgencyId(a)).ToValueList())
            {
                Key = t.RowKey,
                Leads = t.GetInt32("Leads") ?? 1,
                Series = SeriesOf(t),
            }));
        }
        return new Plan(id, p.GetString("Number"), p.GetString("Title"), p.GetString("Issuer"),
            LocalDatePattern.Iso.Parse(p.GetString("IssuedOn")).Value, p.GetInt32("Year") ?? 0,
            Enum.Parse<PlanStatus>(p.GetString("Status")), tasks.OrderBy(t => t.Position).Select(t => t.Task).ToValueList());
    }

    /// <summary>Every task row of a plan, removed ones included (their keys are never given to another task).</summary>
    public async Task<IReadOnlyList<StoredTask>> StoredTasksAsync(PlanId id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Tasks, cancellationToken);
        var list = new List<StoredTask>();
        await foreach (var t in table.QueryAsync<TableEntity>(e => e.PartitionKey == id.Value,
            select: ["RowKey", "Number", "Content", "Due", "Removed", "SeriesKey", "SeriesNumber", "DeadlineRule", "DeadlinePhrase"], cancellationToken: cancellationToken))
        {
            list.Add(new StoredTask(t.RowKey, t.GetString("Number") ?? "", t.GetString("Content") ?? "", Date(t, "Due") ?? default, t.GetBoolean("Removed") == true)
            {
                SeriesKey = t.GetString("SeriesKey") is { Length: > 0 } series ? series : null,
                SeriesNumber = t.GetString("SeriesNumber"),
                Rule = Enum.TryParse<DeadlineRule>(t.GetString("DeadlineRule"), out var rule) ? rule : null,
                Phrase = t.GetString("DeadlinePhrase"),
            });
        }
        return list;
    }

    /// <summary>Which occurrence of a recurring duty a task row is, or null for a task with one deadline.</summary>
    private static TaskSeries? SeriesOf(TableEntity row) =>
        row.GetString("SeriesKey") is { Length: > 0 } key
            ? new TaskSeries(row.GetString("SeriesNumber") ?? "", key, row.GetString("OccurrenceCode") ?? "", row.GetString("OccurrenceLabel") ?? "")
            : null;

    /// <summary>The agencies that have completed each task of a plan (task key → agencies), current assignments only.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AgencyId>>> CompletedByAsync(PlanId id, CancellationToken cancellationToken)
    {
        var done = new Dictionary<string, List<AgencyId>>(StringComparer.Ordinal);
        await foreach (var entry in AssignmentsAsync(id, null, cancellationToken))
        {
            if (entry.Done)
            {
                (done.TryGetValue(entry.TaskKey, out var list) ? list : done[entry.TaskKey] = []).Add(new AgencyId(entry.Agency));
            }
        }
        return done.ToDictionary(d => d.Key, d => (IReadOnlyList<AgencyId>)d.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var list = new List<PlanSummary>();
        await foreach (var p in plans.QueryAsync<TableEntity>(e => e.PartitionKey == PlanPartition, cancellationToken: cancellationToken))
        {
            list.Add(Summary(p));
        }
        return list;
    }

    /// <summary>One plan's summary (a point read), or null.</summary>
    public async Task<PlanSummary?> GetSummaryAsync(PlanId id, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        return row.HasValue ? Summary(row.Value!) : null;
    }

    private static PlanSummary Summary(TableEntity p) =>
        new(new PlanId(p.RowKey), p.GetString("Number"), p.GetString("Title"), p.GetInt32("Year") ?? 0,
            Enum.Parse<PlanStatus>(p.GetString("Status")), p.GetInt32("TaskCount") ?? 0, p.GetBoolean("Pending") == true)
        {
            ActivatedOn = Date(p, "ActivatedOn"),
            FirstDue = Date(p, "FirstDue"),
            Reminders = PlanReminders.FromJson(p.GetString("Reminders")),
            Version = p.GetString("Hash"),
            HasAgencyRows = p.GetBoolean("AgencyRows") == true,
            ImportHeldUntil = ImportLease.HeldUntil(p),
            ReportSchedule = ReportSchedules.Parse(p.GetString("ReportSchedule")) ?? ReportSchedule.Quarterly,
        };

    /// <summary>
    /// Changes a plan's status; false when there is no such plan. Activating records today's local date, from
    /// which the current quarter's kickoff is sent. Uses the row's ETag so a concurrent import is not overwritten.
    /// </summary>
    public async Task<bool> SetStatusAsync(PlanId id, PlanStatus status, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var update = new TableEntity(PlanPartition, id.Value) { ["Status"] = status.ToString() };
        if (status == PlanStatus.Active && row.Value!.GetString("Status") != nameof(PlanStatus.Active))
        {
            update["ActivatedOn"] = LocalDatePattern.Iso.Format(clock.Today);
        }
        await plans.UpdateEntityAsync(update, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>Sets how often the plan's report is mailed upward; false when there is no such plan.</summary>
    public async Task<bool> SetReportScheduleAsync(PlanId id, ReportSchedule schedule, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var update = new TableEntity(PlanPartition, id.Value) { ["ReportSchedule"] = ReportSchedules.Name(schedule) };
        await plans.UpdateEntityAsync(update, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>Sets the reminder policy of a plan, or of one of its tasks (by key); false when there is no such plan.</summary>
    public async Task<bool> SetRemindersAsync(PlanId id, string? taskKey, ReminderPolicy policy, CancellationToken cancellationToken)
    {
        var plans = await tables.GetAsync(StorageTables.Plans, cancellationToken);
        var row = await plans.GetEntityIfExistsAsync<TableEntity>(PlanPartition, id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var reminders = PlanReminders.FromJson(row.Value!.GetString("Reminders")).With(taskKey, policy);
        var update = new TableEntity(PlanPartition, id.Value) { ["Reminders"] = reminders.ToJson() };
        await plans.UpdateEntityAsync(update, row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    private static LocalDate? Date(TableEntity row, string column) =>
        row.GetString(column) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    public static string AssignmentKey(PlanTask task, AgencyId agency) => new AssignmentKey(task.Key, agency.Value).Value;

    /// <summary>A plan's current (not removed) assignments, optionally of one quarter only (with the ongoing ones), with their completion.</summary>
    public IAsyncEnumerable<DueEntry> AssignmentsAsync(PlanId id, int? quarter, CancellationToken cancellationToken) =>
        assignments.CurrentAsync(id.Value, quarter, cancellationToken);

    private async Task WriteTasksAsync(Plan plan, ProgressCounter? written, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Tasks, cancellationToken);
        var rows = plan.Tasks.Select((t, i) => new TableEntity(plan.Id.Value, t.Key)
        {
            ["Position"] = i,
            ["Number"] = t.Number,
            ["Content"] = t.Content,
            ["Quarter"] = t.Quarter,
            ["DeadlineRule"] = t.Deadline.Rule.ToString(),
            ["DeadlinePhrase"] = t.Deadline.Phrase,
            ["Due"] = LocalDatePattern.Iso.Format(t.Deadline.Due),
            ["Agencies"] = string.Join(",", t.Agencies.Select(a => a.Value)),
            ["Leads"] = t.Leads,
            // Empty for a task with one deadline: a merge must clear what a recurring version of the task wrote.
            ["SeriesKey"] = t.Series?.Key ?? "",
            ["SeriesNumber"] = t.Series?.Number ?? "",
            ["OccurrenceCode"] = t.Series?.Code ?? "",
            ["OccurrenceLabel"] = t.Series?.Label ?? "",
            ["Removed"] = false,
        }).ToList();
        var existing = await ReadStoredTasksAsync(table, plan.Id.Value, cancellationToken);
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Values.Where(old => !keep.Contains(old.RowKey) && old.GetBoolean("Removed") != true).Select(old => old.RowKey).ToList();
        await RetiringUpsert.WriteAsync(table, plan.Id.Value, rows, retired, "Removed", written, cancellationToken);
    }

    /// <summary>Writes the assignments, then the due-date index from them, carrying over what is already done.</summary>
    private async Task WriteAssignmentsAsync(Plan plan, ProgressCounter? written, CancellationToken cancellationToken)
    {
        var planned = plan.Assignments.Select(a => new PlannedAssignment(a.Task.Key, a.Task.Number, a.Agency.Value, a.IsLead, a.Task.Quarter, a.Task.Deadline.Due,
            a.Task.Deadline.IsOngoing, a.Task.Series is not null, a.Task.Deadline.IsUndated)).ToList();
        var stored = await assignments.StoredAsync(plan.Id.Value, cancellationToken);
        // The index gets one row per assignment: counted now, so the total is known before the long part.
        written?.AddTotal(planned.Count);
        await assignments.WritePlanAsync(plan.Id.Value, planned, stored, written, cancellationToken);

        // The index holds the date in force: an extension granted earlier stays unless the plan's new date is later.
        var current = planned.Select(a =>
        {
            var old = stored.GetValueOrDefault(a.Key.Value);
            var extension = old?.Extension ?? ExtensionState.None;
            return new DueEntry(plan.Id.Value, a.TaskKey, a.TaskNumber, a.Agency, a.Quarter, a.Ongoing ? a.Due : extension.DueAfter(a.Due), old?.Done == true, Ongoing: a.Ongoing);
        }).ToList();
        var dueNow = current.ToDictionary(e => e.RowKey, e => e.Due, StringComparer.Ordinal);
        var indexed = stored.Values
            .Where(old => !old.Removed && old.PlanDue is not null)
            .Select(old => (Due: old.Extension.DueAfter(old.PlanDue!.Value), RowKey: old.Key.IndexRowKey(plan.Id.Value)))
            .ToList();
        var stale = indexed.Where(old => !dueNow.TryGetValue(old.RowKey, out var due) || due != old.Due).ToList();
        // Rows already at the same date keep their done flag as completions set it, also one made during this import.
        var keepDone = indexed.Where(old => dueNow.TryGetValue(old.RowKey, out var now) && now == old.Due)
            .Select(old => old.RowKey)
            .ToHashSet(StringComparer.Ordinal);
        await dueIndex.WriteAsync(current, stale, written, cancellationToken, keepDone);
    }

    private static async Task<Dictionary<string, TableEntity>> ReadStoredTasksAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var old in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", "Removed"], cancellationToken: cancellationToken))
        {
            existing[old.RowKey] = old;
        }
        return existing;
    }

    /// <summary>Bumped when the stored rows gain columns or tables, so the next import of an unchanged plan rewrites them.</summary>
    private const string StorageLayout = "5: tasks carry Position; keys survive renumbering; agencies' copies of assignments; occurrences of recurring duties; undated tasks marked";

    private static string Hash(Plan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StorageLayout + "\n" + CanonicalPlan.ToJson(plan with { Status = PlanStatus.Draft }))));
}
