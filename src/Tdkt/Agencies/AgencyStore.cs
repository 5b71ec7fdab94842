using Azure;
using Azure.Data.Tables;
using Tdkt.Storage;

namespace Tdkt.Agencies;

/// <summary>The agency directory in Table Storage: one row per agency, lists stored as ';'-separated text.</summary>
public sealed class AgencyStore(StorageTables tables)
{
    private const string Partition = "agency";

    /// <summary>Writes every agency of <paramref name="directory"/> (agencies it does not name are kept), 100 rows to a transaction.</summary>
    public async Task SaveAsync(AgencyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var table = await tables.GetAsync(StorageTables.Agencies, cancellationToken);
        foreach (var chunk in directory.Agencies.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(a))), cancellationToken);
        }
    }

    public async Task<AgencyDirectory> LoadAsync(CancellationToken cancellationToken) => (await LoadVersionedAsync(cancellationToken)).Directory;

    /// <summary>The directory with each row's version, for an edit that must not overwrite someone else's (<see cref="WriteAsync"/>).</summary>
    public async Task<(AgencyDirectory Directory, IReadOnlyDictionary<AgencyId, ETag> Versions)> LoadVersionedAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Agencies, cancellationToken);
        var agencies = new List<Agency>();
        var versions = new Dictionary<AgencyId, ETag>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var agency = Read(e);
            agencies.Add(agency);
            versions[agency.Id] = e.ETag;
        }
        return (new AgencyDirectory(agencies), versions);
    }

    /// <summary>
    /// Writes one agency: a new one only if its id is free (<paramref name="expected"/> null), a stored one only if it is
    /// still at <paramref name="expected"/>. False when someone else got there first; nothing is written then.
    /// </summary>
    public async Task<bool> WriteAsync(Agency agency, ETag? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var table = await tables.GetAsync(StorageTables.Agencies, cancellationToken);
        try
        {
            if (expected is { } version)
            {
                await table.UpdateEntityAsync(Row(agency), version, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(Row(agency), cancellationToken);
            }
            return true;
        }
        // 400 for a version that is no ETag at all: nobody's current version either.
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status is 404 or 400 && expected is not null))
        {
            return false;
        }
    }

    private static TableEntity Row(Agency a) => new(Partition, a.Id.Value)
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
    };

    private static Agency Read(TableEntity e) =>
        new(new AgencyId(e.RowKey), e.GetString("Name"), List(e, "Aliases").ToValueList(),
            List(e, "To").ToValueList(), List(e, "Cc").ToValueList(),
            e.GetString("Supervisor") is { Length: > 0 } s ? new AgencyId(s) : null,
            List(e, "Members").Select(m => new AgencyId(m)).ToValueList(), e.GetBoolean("IsGroup") == true)
        {
            ReplacedBy = e.GetString("ReplacedBy") is { Length: > 0 } by ? new AgencyId(by) : null,
            ReplacedFrom = e.GetString("ReplacedFrom") is { Length: > 0 } from && NodaTime.Text.LocalDatePattern.Iso.Parse(from) is { Success: true } day ? day.Value : null,
        };

    private static string[] List(TableEntity e, string key) =>
        (e.GetString(key) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
}
