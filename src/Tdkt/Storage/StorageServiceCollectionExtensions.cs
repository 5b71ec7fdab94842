using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tdkt.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTdktStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.UsesIdentity || !string.IsNullOrEmpty(o.ConnectionString),
                "Tdkt:Storage:ConnectionString is needed unless Tdkt:Storage:TableEndpoint and QueueEndpoint are set.")
            .Validate(o => !o.UsesIdentity || !string.IsNullOrEmpty(o.QueueEndpoint),
                "Tdkt:Storage:QueueEndpoint is needed with Tdkt:Storage:TableEndpoint (https://ACCOUNT.queue.core.windows.net).")
            .Validate(o => !o.UsesIdentity || !string.IsNullOrEmpty(o.BlobEndpoint),
                "Tdkt:Storage:BlobEndpoint is needed with Tdkt:Storage:TableEndpoint (https://ACCOUNT.blob.core.windows.net).")
            .ValidateOnStart();

        services.TryAddSingleton(sp => StorageCredential.From(Options(sp)));
        // TryAdd: a test may give its own client (one whose pipeline holds a request at a chosen moment).
        services.TryAddSingleton(sp => Options(sp) is { UsesIdentity: true } o
            ? new TableServiceClient(new Uri(o.TableEndpoint!), sp.GetRequiredService<StorageCredential>().Credential)
            : new TableServiceClient(Options(sp).ConnectionString));
        // Base64 messages: what the Functions queue trigger reads by default.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        services.AddSingleton(sp => Options(sp) is { UsesIdentity: true } o
            ? new QueueServiceClient(new Uri(o.QueueEndpoint!), sp.GetRequiredService<StorageCredential>().Credential, queueOptions)
            : new QueueServiceClient(Options(sp).ConnectionString, queueOptions));
        services.TryAddSingleton(sp => Options(sp) is { UsesIdentity: true } o
            ? new BlobServiceClient(new Uri(o.BlobEndpoint!), sp.GetRequiredService<StorageCredential>().Credential)
            : new BlobServiceClient(Options(sp).ConnectionString));
        services.AddSingleton<StorageTables>();
        services.TryAddSingleton<StorageBlobs>();
        services.TryAddSingleton<GroupCommit>();
        return services;
    }

    private static StorageOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;
}
