using Azure.Data.Tables;
using NodaTime;
using Tdkt.Storage;

namespace Tdkt.Assignments;

/// <summary>
/// The audit: rows "~audit-{time}-{action}-{assignment}" in the plan's Assignments partition, written in the same
/// transaction as the change they record (a completion, an extension step, a file), so a change is never without its audit row.
/// </summary>
public sealed class AuditLog(StorageTables tables)
{
    public const string Prefix = AssignmentRows.AuditPrefix;

    public static class Actions
    {
        public const string Complete = "complete";
        public const string Undo = "undo";
        public const string Reopen = "reopen";

        /// <summary>A re-import gave the completed task another number (the completion follows the task).</summary>
        public const string Renumber = "renumber";

        /// <summary>A re-import changed a completed task's text or deadline (the completion stays).</summary>
        public const string Revise = "revise";

        /// <summary>A re-import left a completed task out of the plan.</summary>
        public const string Retire = "retire";

        /// <summary>A re-import no longer assigns the completed task to the agency.</summary>
        public const string Unassign = "unassign";
    }

    /// <summary>Where a change came from on the network (kept for a while, then emptied).</summary>
    public static readonly IReadOnlyList<string> NetworkData = ["ClientIp", "UserAgent"];

    /// <summary>Who made the change (emptied with the plan's records period).</summary>
    public static readonly IReadOnlyList<string> Names = ["By"];

    public static TableEntity Row(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableEntity(entry.Plan, AssignmentRows.AuditRowKey(entry.At.ToUnixTimeTicks(), entry.Action, entry.Assignment))
        {
            ["Assignment"] = entry.Assignment,
            ["Action"] = entry.Action,
            ["At"] = entry.At.ToDateTimeOffset(),
            ["By"] = entry.By,
            ["Note"] = entry.Note,
            ["ClientIp"] = entry.ClientIp,
            ["UserAgent"] = entry.UserAgent,
        };
    }

    /// <summary>The assignments of <paramref name="plan"/> whose state changed at or after <paramref name="since"/> (keys sort by time).</summary>
    public Task<IReadOnlyCollection<string>> ChangedSinceAsync(string plan, Instant since, CancellationToken cancellationToken) =>
        ChangedAsync(plan, since, null, null, null, cancellationToken);

    /// <summary>
    /// The assignments of <paramref name="plan"/> with an audit row from <paramref name="since"/> up to <paramref name="until"/>
    /// (exclusive; null: now), optionally only for actions from <paramref name="actionFrom"/> up to <paramref name="actionTo"/> (exclusive).
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ChangedAsync(string plan, Instant since, Instant? until, string? actionFrom, string? actionTo,
        CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var from = AssignmentRows.AuditFrom(Math.Max(0, since.ToUnixTimeTicks()));
        var to = until is { } end ? AssignmentRows.AuditFrom(Math.Max(0, end.ToUnixTimeTicks())) : AssignmentRows.AuditEnd;
        var filter = actionFrom is not null && actionTo is not null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to} and Action ge {actionFrom} and Action lt {actionTo}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Assignment"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Assignment") is { Length: > 0 } assignment)
            {
                changed.Add(assignment);
            }
        }
        return changed;
    }

    /// <summary>A plan's audit, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var list = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {Prefix} and RowKey lt {AssignmentRows.AuditEnd}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new AuditEntry(plan, row.GetString("Assignment"), row.GetString("Action"), Instant.FromDateTimeOffset(row.GetDateTimeOffset("At")!.Value),
                row.GetString("By"), row.GetString("Note"), row.GetString("ClientIp"), row.GetString("UserAgent")));
        }
        return list;
    }
}
