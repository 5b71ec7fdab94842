using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tdkt.Outbox;
using Tdkt.Storage;

namespace Tdkt.Mail;

/// <summary>
/// The queue that carries new digest keys to the <c>Dispatch</c> function. Messages are base64 text, as the
/// Functions queue trigger expects (the service client is created with that encoding).
/// </summary>
public sealed class DispatchQueueClient(QueueServiceClient service, IOptions<MailOptions> options)
{
    private readonly OnFirstUse<QueueClient> client = new(async cancellationToken =>
    {
        var queue = service.GetQueueClient(options.Value.DispatchQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return queue;
    });

    public async Task EnqueueAsync(DigestKey key, CancellationToken cancellationToken)
    {
        var queue = await client.GetAsync(cancellationToken);
        await queue.SendMessageAsync(key.Value, cancellationToken);
    }
}
