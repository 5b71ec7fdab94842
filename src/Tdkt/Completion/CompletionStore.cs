using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt.Completion;

/// <summary>
/// The completion columns of assignment rows (table Assignments: partition = plan, row = task--agency),
/// and the due-date index kept in step. Every write carries the row's ETag, so two people marking the same
/// assignment at once record it once, and a completion never overwrites a plan import or the reverse.
/// </summary>
public sealed class CompletionStore(StorageTables tables, DueIndex dueIndex, IClock clock)
{
    private static readonly string[] CompletionColumns =
        ["Status", "CompletedOn", "CompletedAt", "CompletedBy", "CompletedNote", "CompletedVia", "CompletedIp", "CompletedUserAgent"];

    public async Task<AssignmentRecord?> GetAsync(string plan, string assignmentKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, assignmentKey, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>An agency's current assignments in one plan.</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> OfAgencyAsync(string plan, string agency, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var list = new List<AssignmentRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {plan} and Agency eq {agency}");
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {taskKey + "--"} and RowKey lt {taskKey + "-."}");
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
    public Task MarkIndexAsync(AssignmentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return dueIndex.SetDoneAsync(record.Due, DueEntry.RowKeyFor(record.Plan, record.Key), record.Done, cancellationToken);
    }

    /// <summary>
    /// Marks the assignment row done on <paramref name="on"/>. Returns the row as it stands afterwards and whether
    /// this call recorded it (false: it was already done, or is not a current assignment, then Record is null).
    /// The caller then brings the due-date index in line (<see cref="MarkIndexAsync"/>).
    /// </summary>
    public async Task<(bool Recorded, AssignmentRecord? Record)> RecordAsync(string plan, string assignmentKey, LocalDate on, CompletionInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        // A 412 means the row changed under us (another completion, or a plan import): read it again and decide again.
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(plan, assignmentKey, cancellationToken);
            if (current is null || current.Removed)
            {
                return (false, null);
            }
            if (current.Done)
            {
                return (false, current);
            }
            var at = clock.GetCurrentInstant();
            var update = new TableEntity(plan, assignmentKey)
            {
                ["Status"] = "done",
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
                await table.UpdateEntityAsync(update, current.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 412 && attempt < 10)
            {
                continue;
            }
            return (true, current with { Completion = new CompletionInfo(on, at, input.By, input.Note, input.Via, input.ClientIp, input.UserAgent) });
        }
    }

    /// <summary>
    /// Makes a done assignment open again when <paramref name="allowed"/> agrees with the row as read; the completion
    /// columns are removed (the history stays in the audit). Returns whether it was cleared and the row as read.
    /// </summary>
    public async Task<(bool Cleared, AssignmentRecord? Record)> ClearAsync(string plan, string assignmentKey, Func<AssignmentRecord, bool> allowed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
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
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 412 && attempt < 10)
            {
                continue;
            }
            await dueIndex.SetDoneAsync(current.Due, DueEntry.RowKeyFor(plan, assignmentKey), false, cancellationToken);
            return (true, current);
        }
    }

    private static AssignmentRecord Read(TableEntity row)
    {
        var split = row.RowKey.IndexOf("--", StringComparison.Ordinal);
        var done = row.GetString("Status") == "done";
        return new AssignmentRecord(
            row.PartitionKey, row.RowKey, split > 0 ? row.RowKey[..split] : row.RowKey, row.GetString("TaskNumber") ?? "", row.GetString("Agency") ?? "",
            row.GetBoolean("IsLead") == true, row.GetInt32("Quarter") ?? 0, Date(row, "Due") ?? default, row.GetBoolean("Removed") == true,
            done
                ? new CompletionInfo(Date(row, "CompletedOn") ?? default,
                    row.GetDateTimeOffset("CompletedAt") is { } at ? Instant.FromDateTimeOffset(at) : default,
                    row.GetString("CompletedBy"), row.GetString("CompletedNote"), row.GetString("CompletedVia") ?? CompletionVia.Admin,
                    row.GetString("CompletedIp"), row.GetString("CompletedUserAgent"))
                : null,
            row.ETag);
    }

    private static LocalDate? Date(TableEntity row, string column) =>
        row.GetString(column) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
