using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt.Outbox;

/// <summary>
/// The outbox table: one row per digest key (partition = local date, row = kind~agency). Rows are only
/// ever inserted if absent, so a re-run or a parallel sweep cannot create a second digest.
/// </summary>
public sealed class OutboxStore(StorageTables tables, IClock clock)
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
            ["Status"] = OutboxStatus.Pending,
            ["To"] = string.Join(";", to),
            ["Cc"] = string.Join(";", cc),
            ["Items"] = items,
            ["Attempts"] = 0,
            ["CreatedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        LongText.Write(row, "Payload", payload);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

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

    private static OutboxEntry ToEntry(TableEntity row)
    {
        var date = LocalDatePattern.Iso.Parse(row.PartitionKey).Value;
        var key = new DigestKey(date, Enum.Parse<DigestKind>(row.GetString("Kind")), row.GetString("Agency"));
        return new OutboxEntry(key, row.GetString("Status"), Split(row.GetString("To")), Split(row.GetString("Cc")),
            row.GetInt32("Items") ?? 0, LongText.Read(row, "Payload"),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch));
    }

    private static ValueList<string> Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToValueList();
}
