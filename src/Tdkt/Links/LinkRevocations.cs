using Azure;
using Azure.Data.Tables;
using NodaTime;
using Tdkt.Caching;
using Tdkt.Storage;

namespace Tdkt.Links;

/// <summary>
/// Each agency's link generation (table LinkRevocations; 0 for an agency never revoked). Revoking an agency's links
/// raises it: every link made before stops working, everyone else's keep working, and the links in digests composed
/// from then on carry the new generation. Read fresh when a link is made; a page check reads it at most
/// <see cref="CacheFor"/> old, so a revocation holds everywhere within that time.
/// </summary>
public sealed class LinkRevocations(StorageTables tables, TimeProvider time)
{
    private const string Partition = "agency";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly TimedCache<string, int> cached = new(Duration.FromTimeSpan(CacheFor));

    /// <summary>The machine's time, not the business clock: how old a kept generation is.</summary>
    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>The agency's current generation, read from storage.</summary>
    public async Task<int> GenerationAsync(string agency, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.LinkRevocations, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, agency, cancellationToken: cancellationToken);
        var generation = row.HasValue ? row.Value!.GetInt32("Generation") ?? 0 : 0;
        cached.Set(agency, generation, Now);
        return generation;
    }

    /// <summary>The same, at most <see cref="CacheFor"/> old: for checking the links that open pages.</summary>
    public Task<int> RecentGenerationAsync(string agency, CancellationToken cancellationToken) =>
        cached.TryGet(agency, Now, out var known)
            ? Task.FromResult(known)
            : GenerationAsync(agency, cancellationToken);

    /// <summary>Revokes every link of the agency made so far; returns the new generation.</summary>
    public async Task<int> RevokeAsync(string agency, string by, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.LinkRevocations, cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, agency, cancellationToken: cancellationToken);
            var next = (row.HasValue ? row.Value!.GetInt32("Generation") ?? 0 : 0) + 1;
            var entity = new TableEntity(Partition, agency) { ["Generation"] = next, ["RevokedAt"] = time.GetUtcNow(), ["RevokedBy"] = by };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                cached.Set(agency, next, Now);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Revoked at the same moment by someone else: read again and raise once more.
            }
        }
    }
}
