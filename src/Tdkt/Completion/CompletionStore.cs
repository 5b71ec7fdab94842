using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Assignments;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt.Completion;

/// <summary>
/// The completion columns of assignment rows (table Assignments: partition = plan, row = task--agency),
/// and the due-date index kept in step. Every write carries the row's ETag, so two people marking the same
/// assignment at once record it once, and a completion never overwrites a plan import or the reverse.
/// </summary>
public sealed class CompletionStore(StorageTables tables, DueIndex dueIndex, GroupCommit groupCommit, AgencyRowCache cache, IClock clock)
{
    public static readonly IReadOnlyList<string> CompletionColumns =
        ["Status", "CompletedOn", "CompletedAt", "CompletedBy", "CompletedNote", "CompletedVia", "CompletedIp", "CompletedUserAgent"];

    public async Task<AssignmentRecord?> GetAsync(string plan, string assignmentKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, assignmentKey, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>
    /// An agency's current assignments in one plan: one range over its copies (<see cref="AgencyRowCopies"/>), so the
    /// cost follows the agency's own tasks; for a plan stored before copies existed, a filter over the assignments.
    /// Copies read under the agency's stamp are kept (<see cref="AgencyRowCache"/>): while the stamp is unchanged, one
    /// point read answers.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentRecord>> OfAgencyAsync(string plan, string agency, bool fromCopies, CancellationToken cancellationToken) =>
        (await PageRowsAsync(plan, agency, fromCopies, cancellationToken)).Records;

    /// <summary>The agency's assignments in one plan and its inbox there (<see cref="SupervisorInbox"/>), under one stamp.</summary>
    public async Task<AgencyRows> PageRowsAsync(string plan, string agency, bool fromCopies, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        string? stamp = null;
        if (fromCopies)
        {
            // The stamp first, then the copies: a write between the two leaves a newer stamp, and the next read reads again.
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, AssignmentRows.AgencyVersionKey(agency), select: ["V"], cancellationToken: cancellationToken);
            stamp = row.HasValue ? row.Value!.GetString("V") : null;
            if (stamp is not null && cache.Get(plan, agency, stamp) is { } cached)
            {
                return cached;
            }
        }
        var list = new List<AssignmentRecord>();
        var (from, to) = AssignmentRows.AgencyRange(agency);
        var filter = fromCopies
            ? TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter} and Agency eq {agency}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Read(row) is { Removed: false } record)
            {
                list.Add(record);
            }
        }
        var inbox = new List<InboxItem>();
        var (inboxFrom, inboxTo) = SupervisorInbox.Range(agency);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {inboxFrom} and RowKey lt {inboxTo}"), cancellationToken: cancellationToken))
        {
            if (SupervisorInbox.Read(row) is { } item)
            {
                inbox.Add(item);
            }
        }
        var rows = new AgencyRows(list, inbox);
        if (stamp is not null)
        {
            cache.Set(plan, agency, stamp, rows);
        }
        return rows;
    }

    /// <summary>Every current assignment of a plan (one partition read, the audit and the agency copies left out).</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> OfPlanAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var list = new List<AssignmentRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Read(row) is { Removed: false } record)
            {
                list.Add(record);
            }
        }
        return list;
    }

    /// <summary>Every current assignment of one task (rows task--*).</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> OfTaskAsync(string plan, string taskKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var list = new List<AssignmentRecord>();
        // Row keys task--agency sort together; '.' is the character after '-'.
        var (from, to) = AssignmentKey.RangeOf(taskKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Read(row) is { Removed: false } record)
            {
                list.Add(record);
            }
        }
        return list;
    }

    /// <summary>Brings the due-date index in line with the assignment (idempotent, so also after an interrupted completion).</summary>
    public Task<bool> MarkIndexAsync(AssignmentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return dueIndex.SetDoneAsync(record.Due, DueEntry.RowKeyFor(record.Plan, record.Key), record.Done, cancellationToken);
    }

    /// <summary>
    /// Marks the assignment done on <paramref name="on"/> in one transaction with a completion marker (whose insert
    /// fails if the assignment is already done, so two at once record one) and the audit row; then the due-date index.
    /// No read comes first: a completion is one write to its partition and one to the index, each shared with the
    /// completions made at the same moment (<see cref="GroupCommit"/>).
    /// </summary>
    public async Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> RecordAsync(string plan, string assignmentKey, LocalDate due, LocalDate on,
        CompletionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var at = clock.GetCurrentInstant();
        var update = new TableEntity(plan, assignmentKey)
        {
            ["Status"] = AssignmentRows.DoneStatus,
            ["CompletedOn"] = LocalDatePattern.Iso.Format(on),
            ["CompletedAt"] = at.ToDateTimeOffset(),
            ["CompletedBy"] = input.By,
            ["CompletedNote"] = input.Note,
            ["CompletedVia"] = input.Via,
            ["CompletedIp"] = input.ClientIp,
            ["CompletedUserAgent"] = input.UserAgent,
        };
        try
        {
            // Completions in the same plan at the same time share one transaction (each keeps its own outcome).
            await groupCommit.SubmitAsync(table,
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(plan, Marker(assignmentKey)) { ["At"] = at.ToDateTimeOffset() }),
                new TableTransactionAction(TableTransactionActionType.Add,
                    AuditLog.Row(new AuditEntry(plan, assignmentKey, AuditLog.Actions.Complete, at, input.By, input.Note, input.ClientIp, input.UserAgent))),
                // Merge needs the row to exist: an assignment that is not there fails the whole transaction.
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, Azure.ETag.All),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, AgencyRowCopies.Of(update, CompletionColumns)),
                AgencyRowCopies.Stamp(plan, AssignmentKey.Parse(assignmentKey).Agency),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409)
        {
            var current = await GetAsync(plan, assignmentKey, cancellationToken);
            if (ex.Status == 404 || current is null || current.Removed || !current.Done)
            {
                return (CompleteOutcome.NotHeld, null);
            }
            // Already done: the index is set again, in case an earlier request stopped before it.
            await MarkIndexAsync(current, cancellationToken);
            return (CompleteOutcome.AlreadyDone, current);
        }
        if (!await dueIndex.SetDoneAsync(due, DueEntry.RowKeyFor(plan, assignmentKey), true, cancellationToken)
            && await GetAsync(plan, assignmentKey, cancellationToken) is { } extended && extended.Due != due)
        {
            // No entry at the plan's date: an extension moved it (only then is the row read).
            await MarkIndexAsync(extended, cancellationToken);
        }
        return (CompleteOutcome.Recorded, null);
    }

    /// <summary>
    /// Makes a done assignment open again when <paramref name="allowed"/> agrees with the row as read: the completion
    /// columns and marker are removed and <paramref name="audit"/>'s row added, in one transaction; then the index.
    /// </summary>
    public async Task<(bool Cleared, AssignmentRecord? Record)> ClearAsync(string plan, string assignmentKey, Func<AssignmentRecord, bool> allowed,
        Func<AssignmentRecord, AuditEntry> audit, CancellationToken cancellationToken, bool countsAsUndo = false)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(audit);
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var withMarker = true;
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, assignmentKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return (false, null);
            }
            var entity = row.Value!;
            var current = Read(entity);
            if (current.Removed || !current.Done || !allowed(current))
            {
                return (false, current);
            }
            foreach (var column in CompletionColumns)
            {
                entity.Remove(column);
            }
            if (countsAsUndo)
            {
                entity["Undos"] = current.Undos + 1;
            }
            var copy = new TableEntity(plan, AssignmentRows.AgencyRowKey(AssignmentKey.Parse(assignmentKey))) { ["Status"] = "" };
            if (countsAsUndo)
            {
                copy["Undos"] = entity["Undos"];
            }
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, AuditLog.Row(audit(current))),
                new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
                new(TableTransactionActionType.UpsertMerge, copy),
            };
            if (withMarker)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(plan, Marker(assignmentKey)), Azure.ETag.All));
            }
            // Last, so the marker's delete stays action 3; an upsert never fails for a missing row.
            actions.Add(AgencyRowCopies.Stamp(plan, AssignmentKey.Parse(assignmentKey).Agency));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (attempt < 10 && (ex.Status == 412 || (ex.Status == 404 && ex.FailedTransactionActionIndex == 3)))
            {
                // The row changed meanwhile (read again), or was marked done without a marker (clear without one).
                withMarker &= ex.Status != 404;
                continue;
            }
            await dueIndex.SetDoneAsync(current.Due, DueEntry.RowKeyFor(plan, assignmentKey), false, cancellationToken);
            return (true, current);
        }
    }

    private static string Marker(string assignmentKey) => AssignmentRows.DoneMarker(AssignmentKey.Parse(assignmentKey));

    /// <summary>An assignment row, or an agency's copy of one (read as the assignment it copies).</summary>
    public static AssignmentRecord Read(TableEntity row)
    {
        var done = AssignmentRows.IsDone(row);
        var planDue = Date(row, "Due") ?? default;
        var extension = ExtensionColumn.Read(row.GetString(ExtensionColumn.Name));
        var key = row.RowKey.StartsWith(AssignmentRows.AgencyPrefix, StringComparison.Ordinal) ? AssignmentRows.OfAgencyRow(row.RowKey) : AssignmentKey.TryParse(row.RowKey);
        return new AssignmentRecord(
            row.PartitionKey, key?.Value ?? row.RowKey, key?.TaskKey ?? row.RowKey, row.GetString("TaskNumber") ?? "", row.GetString("Agency") ?? "",
            row.GetBoolean("IsLead") == true, row.GetInt32("Quarter") ?? 0, extension.DueAfter(planDue), row.GetBoolean("Removed") == true,
            done
                ? new CompletionInfo(Date(row, "CompletedOn") ?? default,
                    row.GetDateTimeOffset("CompletedAt") is { } at ? Instant.FromDateTimeOffset(at) : default,
                    Text(row, "CompletedBy"), Text(row, "CompletedNote"), Text(row, "CompletedVia") ?? CompletionVia.Admin,
                    Text(row, "CompletedIp"), Text(row, "CompletedUserAgent"))
                : null,
            row.ETag)
        {
            Undos = row.GetInt32("Undos") ?? 0,
            Files = EvidenceColumn.Read(row.GetString(EvidenceColumn.Name)),
            Changed = row.Timestamp,
            PlanDue = planDue,
            Extension = extension,
        };
    }

    /// <summary>A text column; "" (a copy's "none", or a value retention removed) reads as none.</summary>
    private static string? Text(TableEntity row, string column) => row.GetString(column) is { Length: > 0 } text ? text : null;

    private static LocalDate? Date(TableEntity row, string column) =>
        row.GetString(column) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
