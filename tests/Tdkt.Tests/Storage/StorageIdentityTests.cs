using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Storage;

/// <summary>
/// Storage by identity (an account with shared keys disabled): the clients are built on the endpoints with the
/// configured credential. Entra ID cannot be reached from here, so the sign-in itself is not exercised.
/// </summary>
public sealed class StorageIdentityTests
{
    private sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("t", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public void With_endpoints_the_clients_use_them_and_the_identity_not_a_connection_string()
    {
        var credential = new StorageCredential(new FixedCredential());
        using var provider = TestHost.Services("UseDevelopmentStorage=true", Instant.FromUtc(2023, 3, 24, 1, 0), new Dictionary<string, string?>
        {
            ["Tdkt:Storage:TableEndpoint"] = "https://tdktdata.table.core.windows.net",
            ["Tdkt:Storage:QueueEndpoint"] = "https://tdktdata.queue.core.windows.net",
            ["Tdkt:Storage:BlobEndpoint"] = "https://tdktdata.blob.core.windows.net",
        }, replace: s => s.AddSingleton(credential));

        var tables = provider.GetRequiredService<TableServiceClient>();
        var queues = provider.GetRequiredService<QueueServiceClient>();

        Assert.Equal(("tdktdata", new Uri("https://tdktdata.table.core.windows.net/")), (tables.AccountName, tables.Uri));
        Assert.Equal(new Uri("https://tdktdata.queue.core.windows.net/"), queues.Uri);
        Assert.False(queues.CanGenerateAccountSasUri);
        var blobs = provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>();
        Assert.Equal(new Uri("https://tdktdata.blob.core.windows.net/"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri);
        Assert.Same(credential, provider.GetRequiredService<StorageCredential>());
    }

    [Fact]
    public void A_table_endpoint_without_a_queue_endpoint_is_refused_with_the_setting_named()
    {
        using var provider = TestHost.Services("UseDevelopmentStorage=true", Instant.FromUtc(2023, 3, 24, 1, 0), new Dictionary<string, string?>
        {
            ["Tdkt:Storage:TableEndpoint"] = "https://tdktdata.table.core.windows.net",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Tdkt:Storage:QueueEndpoint is needed", error.Message, StringComparison.Ordinal);
    }
}
