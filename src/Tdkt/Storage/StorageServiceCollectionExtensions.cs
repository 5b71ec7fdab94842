using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tdkt.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTdktStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => new TableServiceClient(Connection(sp)));
        // Base64 messages: what the Functions queue trigger reads by default.
        services.AddSingleton(sp => new QueueServiceClient(Connection(sp), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddSingleton<StorageTables>();
        return services;
    }

    private static string Connection(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
}
