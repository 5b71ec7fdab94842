using Azure.Data.Tables;
using Tdkt.Storage;

namespace Tdkt.Agencies;

/// <summary>The agency directory in Table Storage: one row per agency, lists stored as ';'-separated text.</summary>
public sealed class AgencyStore(StorageTables tables)
{
    private const string Partition = "agency";

    public async Task SaveAsync(AgencyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var table = await tables.GetAsync(StorageTables.Agencies, cancellationToken);
        foreach (var chunk in directory.Agencies.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(Partition, a.Id.Value)
                {
                    ["Name"] = a.Name,
                    ["Aliases"] = string.Join(";", a.Aliases),
                    ["To"] = string.Join(";", a.To),
                    ["Cc"] = string.Join(";", a.Cc),
                    ["Supervisor"] = a.Supervisor?.Value,
                    ["IsGroup"] = a.IsGroup,
                    ["Members"] = string.Join(";", a.Members.Select(m => m.Value)),
                    ["ReplacedBy"] = a.ReplacedBy?.Value,
                    ["ReplacedFrom"] = a.ReplacedFrom is { } from ? NodaTime.Text.LocalDatePattern.Iso.Format(from) : null,
                })), cancellationToken);
        }
    }

    public async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Agencies, cancellationToken);
        var agencies = new List<Agency>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            agencies.Add(new Agency(new AgencyId(e.RowKey), e.GetString("Name"), List(e, "Aliases").ToValueList(),
                List(e, "To").ToValueList(), List(e, "Cc").ToValueList(),
                e.GetString("Supervisor") is { Length: > 0 } s ? new AgencyId(s) : null,
                List(e, "Members").Select(m => new AgencyId(m)).ToValueList(), e.GetBoolean("IsGroup") == true)
            {
                ReplacedBy = e.GetString("ReplacedBy") is { Length: > 0 } by ? new AgencyId(by) : null,
                ReplacedFrom = e.GetString("ReplacedFrom") is { Length: > 0 } from && NodaTime.Text.LocalDatePattern.Iso.Parse(from) is { Success: true } day ? day.Value : null,
            });
        }
        return new AgencyDirectory(agencies);
    }

    private static string[] List(TableEntity e, string key) =>
        (e.GetString(key) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
}
