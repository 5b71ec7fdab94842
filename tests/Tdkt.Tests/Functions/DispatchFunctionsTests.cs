using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Diagnostics;
using Tdkt.Functions.Mail;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Functions;

/// <summary>In the telemetry listeners' collection: it listens to the product's process-wide source.</summary>
[Collection(nameof(Operations.TelemetryListeners))]
public sealed class DispatchFunctionsTests(LocalServices services)
{
    [Fact]
    public async Task The_sweep_queues_each_new_digest_and_the_Dispatch_function_sends_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = "t" + Guid.NewGuid().ToString("N")[..12];
        var sender = $"fn-{Guid.NewGuid():N}"[..15] + "@example.org";
        await using var scenario = await StartAsync(services, settings: new Dictionary<string, string?>
        {
            ["Tdkt:Mail:From"] = sender,
            ["Tdkt:Mail:Smtp:Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Tdkt:Mail:DispatchQueue"] = queue,
        });
        var sweep = await scenario.RunAsync("2023-01-06");
        await scenario.RunAsync("2023-01-06");

        // Read the queue as the Functions host does: base64 text messages.
        var client = scenario.Provider.GetRequiredService<QueueServiceClient>().GetQueueClient(queue);
        var messages = (await client.ReceiveMessagesAsync(32, cancellationToken: ct)).Value.Select(m => m.MessageText).ToList();
        Assert.Equal(sweep.Digests.Select(d => d.Key.Value).Order(), messages.Order());

        var function = ActivatorUtilities.CreateInstance<DispatchFunctions>(scenario.Provider);
        var spans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using (var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        })
        {
            System.Diagnostics.ActivitySource.AddActivityListener(listener);
            foreach (var message in messages.Concat(messages).Append("not a digest key"))
            {
                await function.Dispatch(message, ct);
            }
        }

        // Each queue-triggered dispatch is a tdkt.dispatch span, the digest's send under it.
        var dispatches = spans.Where(s => s.OperationName == "tdkt.dispatch").ToList();
        Assert.Equal(messages.Count * 2, dispatches.Count);
        Assert.Equal(messages.Count, dispatches.Sum(d => (int)d.GetTagItem("tdkt.digests.sent")!));
        Assert.All(spans.Where(s => s.OperationName == "tdkt.digest.send"), send => Assert.Contains(dispatches, d => d.SpanId == send.ParentSpanId));

        Assert.All(await scenario.Outbox.ListAsync(D("2023-01-06"), ct), e => Assert.Equal((OutboxStatus.Sent, 1), (e.Status, e.Attempts)));
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        Assert.Equal(sweep.Digests.Count, (await inbox.MessagesFromAsync(sender, sweep.Digests.Count)).Count);
        Assert.Empty(await scenario.Outbox.ListPendingAsync(ct));
    }
}
