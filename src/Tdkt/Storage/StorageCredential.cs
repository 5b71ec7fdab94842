using Azure.Core;
using Azure.Identity;

namespace Tdkt.Storage;

/// <summary>The identity the product reaches storage with when it is configured by endpoint (no keys).</summary>
public sealed record StorageCredential(TokenCredential Credential)
{
    public static StorageCredential From(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }));
    }
}
