using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tdkt.Mail;
using Tdkt.Reminders;

namespace Tdkt.Functions.Mail;

/// <summary>
/// Sends digests from the outbox: <c>Dispatch</c> for each key the sweep enqueues, and <c>DispatchPending</c>
/// every five minutes for retries and for any digest whose queue message was lost.
/// </summary>
public sealed partial class DispatchFunctions(MailDispatcher dispatcher, ILogger<DispatchFunctions> logger)
{
    [Function("Dispatch")]
    public async Task Dispatch([QueueTrigger("%Tdkt:Mail:DispatchQueue%")] string message, CancellationToken cancellationToken)
    {
        DigestKey key;
        try
        {
            key = DigestKey.Parse(message);
        }
        catch (FormatException ex)
        {
            // Not a digest key: retrying cannot help, and the periodic pass does not depend on messages.
            LogBadMessage(ex.Message);
            return;
        }
        await dispatcher.DispatchAsync(key, cancellationToken);
    }

    [Function("DispatchPending")]
    public Task DispatchPending([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchPendingAsync(concurrency: 4, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch queue message ignored: {Error}")]
    private partial void LogBadMessage(string error);
}
