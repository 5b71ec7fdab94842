using Azure.Data.Tables;
using NodaTime;
using Tdkt.Storage;

namespace Tdkt.Completion;

/// <summary>One change of an assignment's state, as kept in the audit.</summary>
public sealed record AuditEntry(string Plan, string Assignment, string Action, Instant At, string? By, string? Note, string? ClientIp, string? UserAgent);

/// <summary>
/// The audit (table Audit: partition = plan, row = time~action~assignment). Each entry's key comes from the
/// change it records, so writing it again after an interruption adds nothing: a completion whose audit row
/// was lost gets it when the agency posts again.
/// </summary>
public sealed class AuditLog(StorageTables tables)
{
    public static class Actions
    {
        public const string Complete = "complete";
        public const string Undo = "undo";
        public const string Reopen = "reopen";
    }

    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(StorageTables.Audit, cancellationToken);
        var row = new TableEntity(entry.Plan, $"{entry.At.ToUnixTimeTicks():D19}~{entry.Action}~{entry.Assignment}")
        {
            ["Assignment"] = entry.Assignment,
            ["Action"] = entry.Action,
            ["At"] = entry.At.ToDateTimeOffset(),
            ["By"] = entry.By,
            ["Note"] = entry.Note,
            ["ClientIp"] = entry.ClientIp,
            ["UserAgent"] = entry.UserAgent,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // Already written for this change.
        }
    }

    /// <summary>A plan's audit, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string plan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Audit, cancellationToken);
        var list = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == plan, cancellationToken: cancellationToken))
        {
            list.Add(new AuditEntry(plan, row.GetString("Assignment"), row.GetString("Action"), Instant.FromDateTimeOffset(row.GetDateTimeOffset("At")!.Value),
                row.GetString("By"), row.GetString("Note"), row.GetString("ClientIp"), row.GetString("UserAgent")));
        }
        return list;
    }
}
