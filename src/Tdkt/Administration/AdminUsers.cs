using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Storage;

namespace Tdkt.Administration;

/// <summary>
/// The console's users and its audit trail, in one partition of table Console (rows <c>u~{email}</c> and
/// <c>a~{newest first}</c>), so each change and its audit row are written in one transaction.
/// </summary>
public sealed class AdminUsers(StorageTables tables, IClock clock, IOptions<ConsoleOptions> options)
{
    private const string Partition = "users";
    private const string UserPrefix = "u~";
    private const string AuditPrefix = "a~";

    /// <summary>A row every change to the users rewrites under its ETag (<see cref="SerializedAsync"/>); outside both ranges.</summary>
    private const string TurnKey = "t~users";
    private int seeded;

    public static class Actions
    {
        public const string Add = "user-add";
        public const string Change = "user-role";
        public const string Remove = "user-remove";
        public const string SignIn = "sign-in";
        public const string SignOut = "sign-out";
    }

    public async Task<AdminUser?> FindAsync(string email, CancellationToken cancellationToken)
    {
        if (AdminEmail.Normalize(email) is not { } key)
        {
            return null;
        }
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, UserPrefix + key, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<IReadOnlyList<AdminUser>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var users = new List<AdminUser>();
        await foreach (var row in table.QueryAsync<TableEntity>(Range(UserPrefix), cancellationToken: cancellationToken))
        {
            users.Add(Read(row));
        }
        return users;
    }

    /// <summary>Adds a user, or changes the role of one already listed (an administrator cannot demote the last administrator).</summary>
    public async Task<AdminChange> SetAsync(string email, AdminRole role, string by, CancellationToken cancellationToken)
    {
        if (AdminEmail.Normalize(email) is not { } key)
        {
            return AdminChange.Invalid;
        }
        var table = await TableAsync(cancellationToken);
        return await SerializedAsync(table, async turn =>
        {
            var existing = await FindAsync(key, cancellationToken);
            if (existing?.Role == role)
            {
                return (AdminChange.Unchanged, null);
            }
            if (existing is { Role: AdminRole.Admin } && await AdminCountAsync(cancellationToken) <= 1)
            {
                return (AdminChange.LastAdmin, null);
            }
            var user = new TableEntity(Partition, UserPrefix + key)
            {
                ["Role"] = AdminRoles.Slug(role),
                ["AddedAt"] = existing?.AddedAt.ToDateTimeOffset() ?? clock.GetCurrentInstant().ToDateTimeOffset(),
                ["AddedBy"] = existing?.AddedBy ?? by,
                ["Generation"] = existing?.Generation is { Length: > 0 } generation ? generation : NewGeneration(),
            };
            var action = existing is null ? Actions.Add : Actions.Change;
            return (existing is null ? AdminChange.Added : AdminChange.Changed,
            [
                turn,
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, user),
                new TableTransactionAction(TableTransactionActionType.Add, AuditRow(by, action, key, AdminRoles.Slug(role))),
            ]);
        }, cancellationToken);
    }

    /// <summary>
    /// A users' change as one conditional transaction: it rewrites the users' turn row under the ETag read before the
    /// checks (how many administrators are left), so two changes at the same moment cannot both pass the check; the one
    /// that comes second is decided again on what the first left (two administrators removing each other leave one).
    /// </summary>
    private async Task<AdminChange> SerializedAsync(TableClient table,
        Func<TableTransactionAction, Task<(AdminChange Result, IReadOnlyList<TableTransactionAction>? Writes)>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var etag = await TurnAsync(table, cancellationToken);
            var turn = new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                new TableEntity(Partition, TurnKey) { ["At"] = clock.GetCurrentInstant().ToDateTimeOffset() }, etag);
            var (result, writes) = await decide(turn);
            if (writes is null)
            {
                return result;
            }
            try
            {
                await table.SubmitTransactionAsync(writes, cancellationToken);
                return result;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 8)
            {
                // Another change to the users came first: decide again on what it left.
            }
        }
    }

    /// <summary>The users' turn row's ETag (the row is made on first use).</summary>
    private static async Task<ETag> TurnAsync(TableClient table, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TurnKey, select: ["RowKey"], cancellationToken: cancellationToken);
        if (row.HasValue)
        {
            return row.Value!.ETag;
        }
        try
        {
            return (await table.AddEntityAsync(new TableEntity(Partition, TurnKey), cancellationToken)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await table.GetEntityAsync<TableEntity>(Partition, TurnKey, select: ["RowKey"], cancellationToken: cancellationToken)).Value.ETag;
        }
    }

    private static string NewGeneration() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public async Task<AdminChange> RemoveAsync(string email, string by, CancellationToken cancellationToken)
    {
        if (AdminEmail.Normalize(email) is not { } key)
        {
            return AdminChange.Invalid;
        }
        var table = await TableAsync(cancellationToken);
        try
        {
            return await SerializedAsync(table, async turn =>
            {
                if (await FindAsync(key, cancellationToken) is not { } existing)
                {
                    return (AdminChange.NotFound, null);
                }
                if (existing.Role == AdminRole.Admin && await AdminCountAsync(cancellationToken) <= 1)
                {
                    return (AdminChange.LastAdmin, null);
                }
                return (AdminChange.Removed,
                [
                    turn,
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, UserPrefix + key), ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Add, AuditRow(by, Actions.Remove, key, AdminRoles.Slug(existing.Role))),
                ]);
            }, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            return AdminChange.NotFound;
        }
    }

    /// <summary>Records a change that is not a user's (a sign-in, a sign-out) with the person who made it.</summary>
    public async Task AuditAsync(string by, string action, string subject, string detail, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await table.AddEntityAsync(AuditRow(by, action, subject, detail), cancellationToken);
    }

    /// <summary>The newest audit entries first.</summary>
    public async Task<IReadOnlyList<ConsoleAuditEntry>> AuditTrailAsync(int count, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var list = new List<ConsoleAuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(Range(AuditPrefix), maxPerPage: count, cancellationToken: cancellationToken))
        {
            list.Add(new ConsoleAuditEntry(Instant.FromDateTimeOffset(row.GetDateTimeOffset("At") ?? default), row.GetString("By") ?? "",
                row.GetString("Action") ?? "", row.GetString("Subject") ?? "", row.GetString("Detail") ?? ""));
            if (list.Count == count)
            {
                break;
            }
        }
        return list;
    }

    private async Task<int> AdminCountAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Count(u => u.Role == AdminRole.Admin);

    private TableEntity AuditRow(string by, string action, string subject, string detail)
    {
        var now = clock.GetCurrentInstant();
        // Newest first: the key counts down from the largest tick value; a random tail keeps two rows of one tick apart.
        var key = $"{AuditPrefix}{long.MaxValue - now.ToUnixTimeTicks():D19}~{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        return new TableEntity(Partition, key) { ["At"] = now.ToDateTimeOffset(), ["By"] = by, ["Action"] = action, ["Subject"] = subject, ["Detail"] = detail };
    }

    private static string Range(string prefix) => TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "\u007f"}");

    private static AdminUser Read(TableEntity row) => new(row.RowKey[UserPrefix.Length..], AdminRoles.Parse(row.GetString("Role")) ?? AdminRole.Viewer,
        Instant.FromDateTimeOffset(row.GetDateTimeOffset("AddedAt") ?? default), row.GetString("AddedBy") ?? "")
    {
        Generation = row.GetString("Generation") ?? "",
    };

    /// <summary>The table, with the first administrator from the deployment added (or made an administrator) while there is no administrator.</summary>
    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        if (Volatile.Read(ref seeded) == 0 && AdminEmail.Normalize(options.Value.FirstAdmin) is { } first)
        {
            var any = false;
            var admins = Range(UserPrefix) + TableClient.CreateQueryFilter($" and Role eq {AdminRoles.Slug(AdminRole.Admin)}");
            await foreach (var _ in table.QueryAsync<TableEntity>(admins, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                any = true;
                break;
            }
            if (!any)
            {
                try
                {
                    await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, UserPrefix + first)
                        {
                            ["Role"] = AdminRoles.Slug(AdminRole.Admin), ["AddedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(), ["AddedBy"] = "triển khai",
                            ["Generation"] = NewGeneration(),
                        }),
                        new TableTransactionAction(TableTransactionActionType.Add, AuditRow("triển khai", Actions.Add, first, AdminRoles.Slug(AdminRole.Admin))),
                    ], cancellationToken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // Another instance wrote the same audit key at the same moment (it added the administrator).
                }
            }
            Volatile.Write(ref seeded, 1);
        }
        return table;
    }
}
