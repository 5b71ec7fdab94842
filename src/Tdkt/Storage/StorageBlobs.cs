using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Tdkt.Storage;

/// <summary>The product's blob containers, named with the configured prefix ("{prefix}-evidence") and created on first use.</summary>
public sealed class StorageBlobs(BlobServiceClient service, IOptions<StorageOptions> options)
{
    public const string Evidence = "evidence";

    private readonly OnFirstUse<BlobContainerClient> evidence = new(async ct =>
    {
        var container = service.GetBlobContainerClient($"{options.Value.Prefix}-{Evidence}");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        return container;
    });

    /// <summary>The container of agencies' attached files (private: no public access, read through the product's signed links).</summary>
    public Task<BlobContainerClient> EvidenceAsync(CancellationToken cancellationToken) => evidence.GetAsync(cancellationToken);
}
