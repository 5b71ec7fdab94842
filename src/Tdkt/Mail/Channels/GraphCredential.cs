using Azure.Core;
using Azure.Identity;

namespace Tdkt.Mail.Channels;

/// <summary>The credential the Graph channel signs in with: the app's client secret, or the managed identity.</summary>
public sealed record GraphCredential(TokenCredential Credential)
{
    public static GraphCredential From(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            if (string.IsNullOrEmpty(options.TenantId) || string.IsNullOrEmpty(options.ClientId))
            {
                throw new InvalidOperationException("Tdkt:Mail:Graph:ClientSecret cần kèm Tdkt:Mail:Graph:TenantId và Tdkt:Mail:Graph:ClientId.");
            }
            return new GraphCredential(new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret));
        }
        return new GraphCredential(string.IsNullOrEmpty(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)));
    }
}
