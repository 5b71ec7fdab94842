using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Cli.Up;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Faults;

/// <summary>
/// Storage goes away in the middle of dispatching (its own Azurite, on disk, stopped and started again on the
/// same ports): the dispatcher loop keeps going, and every digest ends up sent, at most once more than once.
/// </summary>
public sealed class StorageRestartTests(LocalServices services) : IAsyncDisposable
{
    private const int Agencies = 120;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string data = Directory.CreateTempSubdirectory("tdkt-azurite-").FullName;
    private readonly int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
    private ChildProcess? azurite;

    private string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";

    private async Task StartAzuriteAsync()
    {
        azurite = ChildProcess.Start("Azurite", RepositoryRoot.File("node_modules", ".bin", "azurite"),
        [
            "--location", data, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        ], RepositoryRoot.Path, gracefulStop: TimeSpan.FromSeconds(10));
        await azurite.WaitUntilReadyAsync(async ct => await FreePort.AcceptsAsync(ports[2], ct) && await FreePort.AcceptsAsync(ports[1], ct),
            TimeSpan.FromSeconds(60), AzuriteServer.InstallHint);
    }

    [Fact]
    public async Task Azurite_restarted_mid_dispatch_every_digest_is_still_sent()
    {
        await StartAzuriteAsync();
        var sender = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";
        using var logs = new CapturedLogs();
        await using var provider = TestHost.Services(ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0), new Dictionary<string, string?>
        {
            ["Tdkt:Mail:Channel"] = "Smtp",
            ["Tdkt:Mail:From"] = sender,
            ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
            ["Tdkt:Mail:Smtp:Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Tdkt:Mail:Smtp:Security"] = "None",
            ["Tdkt:Mail:RatePerMinute"] = "600",
        }, logs);
        await ManyAgencies.SeedAsync(provider, Agencies, "restart");
        await provider.GetRequiredService<ReminderSweep>().RunAsync(new LocalDate(2023, 3, 24), false, "test", Ct);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = provider.GetRequiredService<MailDispatcher>().RunAsync(TimeSpan.FromMilliseconds(200), 4, null, stop.Token);

        await WaitUntilAsync(async () => (await inbox.ReceivedTimesFromAsync(sender, 0, TimeSpan.Zero)).Count >= 25, TimeSpan.FromSeconds(60));
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await azurite!.DisposeAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Azurite stopped in {stopping.Elapsed.TotalSeconds:0.0} s");
        // Storage stays down until the dispatcher has met the outage: a pass that failed for want of storage.
        await WaitUntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.StartsWith("Dispatch pass failed", StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
        var whileDown = (await inbox.ReceivedTimesFromAsync(sender, 0, TimeSpan.Zero)).Count;
        await StartAzuriteAsync();
        // Leases taken before the outage run out after 5 minutes (real time): move it on rather than wait.
        ((ShiftedTime)provider.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(6));
        var outbox = provider.GetRequiredService<OutboxStore>();
        await WaitUntilAsync(async () => (await outbox.ListPendingAsync(Ct)).Count == 0, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await loop;

        var mails = await inbox.MessagesWithDistinctIdsFromAsync(sender, Agencies, TimeSpan.FromSeconds(20));
        var copies = mails.GroupBy(m => m.Message.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var entries = await outbox.ListAsync(new LocalDate(2023, 3, 24), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sent before the outage: {whileDown}; digests delivered: {copies.Count} of {Agencies}; duplicates: {copies.Values.Sum(c => c - 1)}; " +
            $"outbox rows: {entries.Count}");
        foreach (var e in entries.Where(e => e.Status != OutboxStatus.Sent || !copies.ContainsKey($"<{e.ProviderId}>") && !copies.ContainsKey(e.ProviderId ?? "")))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  {e.Key.Value}: {e.Status}, attempts {e.Attempts}, provider id {e.ProviderId}, error {e.LastError}");
        }
        Assert.InRange(whileDown, 25, Agencies - 1);
        Assert.Equal(Agencies, copies.Count);
        Assert.All(copies.Values, c => Assert.InRange(c, 1, 2));
        Assert.All(entries, e => Assert.Equal(OutboxStatus.Sent, e.Status));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition was not reached in time.");
            await Task.Delay(100, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
        Directory.Delete(data, recursive: true);
    }
}
