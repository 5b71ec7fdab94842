using Microsoft.Azure.Functions.Worker;
using Tdkt.Mail;

namespace Tdkt.Functions.Mail;

/// <summary>Sends digests: <c>Dispatch</c> for each key the sweep enqueues, <c>DispatchPending</c> every five minutes for retries and lost messages.</summary>
public sealed class DispatchFunctions(MailDispatcher dispatcher)
{
    [Function("Dispatch")]
    public Task Dispatch([QueueTrigger("%Tdkt:Mail:DispatchQueue%")] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchMessageAsync(message, cancellationToken);

    [Function("DispatchPending")]
    public Task DispatchPending([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchPendingAsync(MailDispatcher.DefaultConcurrency, cancellationToken);
}
