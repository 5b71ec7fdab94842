using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Clock;
using Tdkt.Storage;

namespace Tdkt.Outbox;

/// <summary>
/// The outbox table: one row per digest key (partition = local date, row = kind~agency). Rows are only
/// ever inserted if absent, so a re-run or a parallel sweep cannot create a second digest. It stores; the rules
/// of leasing, backoff and retrying are <see cref="OutboxPolicy"/>'s.
/// </summary>
public sealed class OutboxStore(StorageTables tables, TimeProvider time)
{
    /// <summary>Inserts the digest unless its key is already there; true when this call created it.</summary>
    public async Task<bool> AddIfAbsentAsync(DigestKey key, ValueList<string> to, ValueList<string> cc, int items, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(cc);
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var row = new TableEntity(key.PartitionKey, key.RowKey)
        {
            ["Kind"] = key.Kind.ToString(),
            ["Agency"] = key.Agency,
            ["Status"] = OutboxStatus.Pending.Name(),
            ["To"] = string.Join(";", to),
            ["Cc"] = string.Join(";", cc),
            ["Items"] = items,
            ["Attempts"] = 0,
            ["CreatedAt"] = time.GetCurrentInstant().ToDateTimeOffset(),
        };
        LongText.Write(row, "Payload", payload);
        bool created;
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            created = true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            created = false;
        }
        // Also when it already existed: a run cut off between the two writes is healed by the next one.
        await MarkPendingAsync(key, cancellationToken);
        return created;
    }

    /// <summary>
    /// The digests waiting to be sent, from the small <c>OutboxPending</c> table (one row per unsent digest),
    /// so a dispatch pass reads what is waiting, not the whole outbox. Some may not be due yet.
    /// </summary>
    public async Task<IReadOnlyList<DigestKey>> ListPendingAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.OutboxPending, cancellationToken);
        var keys = new List<DigestKey>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == PendingPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(DigestKey.Parse(row.RowKey.Replace('~', '/')));
        }
        return keys;
    }

    /// <summary>The unsent rows among <paramref name="keys"/>, read one query per date rather than one read per digest.</summary>
    public async Task<IReadOnlyDictionary<DigestKey, OutboxEntry>> GetUnsentAsync(IEnumerable<DigestKey> keys, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<DigestKey, OutboxEntry>();
        var wanted = keys.ToHashSet();
        await Parallel.ForEachAsync(wanted.Select(k => k.PartitionKey).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (partition, ct) =>
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (Status eq {OutboxStatus.Pending.Name()} or Status eq {OutboxStatus.Sending.Name()})");
                await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
                {
                    var entry = ToEntry(row);
                    if (wanted.Contains(entry.Key))
                    {
                        found[entry.Key] = entry;
                    }
                }
            });
        return found;
    }

    /// <summary>Forgets that digests are waiting (sent, or failed for good): deletes their marks, a hundred per batch.</summary>
    public async Task ClearPendingAsync(IEnumerable<DigestKey> keys, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.OutboxPending, cancellationToken);
        foreach (var chunk in keys.Select(PendingRow).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(row =>
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PendingPartition, row), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // One was already gone (another pass cleared it): delete the rest one by one.
                foreach (var row in chunk)
                {
                    try
                    {
                        await table.DeleteEntityAsync(PendingPartition, row, ETag.All, cancellationToken);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }
    }

    private async Task MarkPendingAsync(DigestKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.OutboxPending, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(PendingPartition, PendingRow(key)), TableUpdateMode.Replace, cancellationToken);
    }

    private const string PendingPartition = "pending";

    private static string PendingRow(DigestKey key) => key.Value.Replace('/', '~');

    public async Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ToEntry(row.Value!) : null;
    }

    /// <summary>Every digest of one local date.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var partition = LocalDatePattern.Iso.Format(date);
        var list = new List<OutboxEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            list.Add(ToEntry(row));
        }
        return list;
    }

    /// <summary>
    /// Takes the digest for sending when <see cref="OutboxPolicy.IsTakeable"/> says so (conditionally on the row's ETag):
    /// null when it is not for this caller (sent, failed, not due yet, or leased by another dispatcher a moment ago).
    /// </summary>
    public async Task<OutboxEntry?> TryLeaseAsync(DigestKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? await TryLeaseAsync(ToEntry(row.Value!), cancellationToken) : null;
    }

    /// <summary>The same, for an entry just read (its ETag decides whether the lease is still to be had).</summary>
    public async Task<OutboxEntry?> TryLeaseAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetCurrentInstant();
        if (!OutboxPolicy.IsTakeable(entry, now))
        {
            if (OutboxPolicy.IsFinished(entry))
            {
                await ClearPendingAsync([entry.Key], cancellationToken);
            }
            return null;
        }
        var leased = OutboxPolicy.Leased(entry, now);
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var update = new TableEntity(entry.Key.PartitionKey, entry.Key.RowKey)
        {
            ["Status"] = leased.Status.Name(),
            ["LeaseUntil"] = leased.LeaseUntil!.Value.ToDateTimeOffset(),
            ["Attempts"] = leased.Attempts,
        };
        try
        {
            var response = await table.UpdateEntityAsync(update, entry.ETag, TableUpdateMode.Merge, cancellationToken);
            return leased with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    /// <summary>Sent. False if the lease was lost meanwhile (another dispatcher took the row over).</summary>
    public Task<bool> MarkSentAsync(OutboxEntry leased, string channel, MailSendResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FinishAsync(leased, new Dictionary<string, object?>
        {
            ["Status"] = OutboxStatus.Sent.Name(),
            ["Channel"] = channel,
            ["ProviderId"] = result.ProviderId,
            ["ProviderAnswer"] = Truncate(result.Answer),
            ["SentAt"] = time.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken);
    }

    /// <summary>Back to pending, to be tried again from <paramref name="nextAttemptAt"/>.</summary>
    public Task<bool> MarkRetryAsync(OutboxEntry leased, string error, Instant nextAttemptAt, CancellationToken cancellationToken) =>
        FinishAsync(leased, new Dictionary<string, object?>
        {
            ["Status"] = OutboxStatus.Pending.Name(),
            ["LastError"] = Truncate(error),
            ["NextAttemptAt"] = nextAttemptAt.ToDateTimeOffset(),
        }, cancellationToken);

    public Task<bool> MarkFailedAsync(OutboxEntry leased, string error, CancellationToken cancellationToken) =>
        FinishAsync(leased, new Dictionary<string, object?>
        {
            ["Status"] = OutboxStatus.Failed.Name(),
            ["LastError"] = Truncate(error),
        }, cancellationToken);

    /// <summary>The digests of the last <paramref name="days"/> days in one state (e.g. failed), newest first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListByStatusAsync(OutboxStatus status, LocalDate today, int days, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var from = LocalDatePattern.Iso.Format(today.PlusDays(-days));
        var to = LocalDatePattern.Iso.Format(today.PlusDays(1));
        var list = new List<OutboxEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and Status eq {status.Name()}"), cancellationToken: cancellationToken))
        {
            list.Add(ToEntry(row));
        }
        return [.. list.OrderByDescending(e => e.Key.Date).ThenBy(e => e.Key.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How many digests each day of the last <paramref name="days"/> days holds in each state, reading only the keys
    /// and states (the console's day-by-day view and the dashboard's mail line).
    /// </summary>
    public async Task<IReadOnlyList<OutboxDayCount>> CountByDayAsync(LocalDate today, int days, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var from = LocalDatePattern.Iso.Format(today.PlusDays(-days));
        var to = LocalDatePattern.Iso.Format(today.PlusDays(1));
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), select: ["PartitionKey", "Status"], cancellationToken: cancellationToken))
        {
            if (OutboxStatuses.Parse(row.GetString("Status")) is { } status)
            {
                var day = counts.TryGetValue(row.PartitionKey, out var seen) ? seen : counts[row.PartitionKey] = new int[4];
                day[(int)status]++;
            }
        }
        return [.. counts.Reverse().Select(c => new OutboxDayCount(LocalDatePattern.Iso.Parse(c.Key).Value,
            c.Value[(int)OutboxStatus.Pending], c.Value[(int)OutboxStatus.Sending], c.Value[(int)OutboxStatus.Sent], c.Value[(int)OutboxStatus.Failed]))];
    }

    /// <summary>
    /// Gives a digest a fresh set of attempts, due now (an administrator's retry of one <see cref="OutboxPolicy.CanRetry"/>
    /// allows). False when the row changed since <paramref name="entry"/> was read.
    /// </summary>
    public async Task<bool> ResetAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var reset = await FinishAsync(entry, new Dictionary<string, object?>
        {
            ["Status"] = OutboxStatus.Pending.Name(),
            ["Attempts"] = 0,
            ["NextAttemptAt"] = time.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken);
        if (reset)
        {
            await MarkPendingAsync(entry.Key, cancellationToken);
        }
        return reset;
    }

    /// <summary>How many digests of the last <paramref name="days"/> days are in each state.</summary>
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountByStatusAsync(LocalDate today, int days, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var from = LocalDatePattern.Iso.Format(today.PlusDays(-days));
        var to = LocalDatePattern.Iso.Format(today.PlusDays(1));
        var counts = new Dictionary<OutboxStatus, int>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"),
            select: ["Status"], cancellationToken: cancellationToken))
        {
            if (OutboxStatuses.Parse(row.GetString("Status")) is { } status)
            {
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }
        return counts;
    }

    private async Task<bool> FinishAsync(OutboxEntry leased, Dictionary<string, object?> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        var table = await tables.GetAsync(StorageTables.Outbox, cancellationToken);
        var update = new TableEntity(leased.Key.PartitionKey, leased.Key.RowKey);
        foreach (var (name, value) in changes)
        {
            update[name] = value;
        }
        try
        {
            await table.UpdateEntityAsync(update, leased.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    private static Instant? Instant(TableEntity row, string column) =>
        row.GetDateTimeOffset(column) is { } value ? NodaTime.Instant.FromDateTimeOffset(value) : null;

    private static DigestKey KeyOf(TableEntity row) =>
        new(LocalDatePattern.Iso.Parse(row.PartitionKey).Value, Enum.Parse<DigestKind>(row.GetString("Kind")), row.GetString("Agency"));

    private static OutboxEntry ToEntry(TableEntity row) =>
        new(KeyOf(row), OutboxStatuses.Parse(row.GetString("Status")) ?? throw new FormatException($"Outbox row {row.PartitionKey}/{row.RowKey}: unknown status “{row.GetString("Status")}”."), Split(row.GetString("To")), Split(row.GetString("Cc")),
            row.GetInt32("Items") ?? 0, LongText.Read(row, "Payload"),
            NodaTime.Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch))
        {
            Attempts = row.GetInt32("Attempts") ?? 0,
            LeaseUntil = Instant(row, "LeaseUntil"),
            NextAttemptAt = Instant(row, "NextAttemptAt"),
            LastError = row.GetString("LastError"),
            ProviderId = row.GetString("ProviderId"),
            SentAt = Instant(row, "SentAt"),
            Channel = row.GetString("Channel"),
            ETag = row.ETag,
        };

    private static ValueList<string> Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToValueList();
}
