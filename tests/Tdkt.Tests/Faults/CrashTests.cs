using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Faults;

/// <summary>
/// `tdkt sweep` and `tdkt dispatch --watch` killed (SIGKILL) in the middle of their work, then run again:
/// every digest is in the outbox once and delivered once, except a send in flight at the kill, which SMTP
/// may deliver a second time (counted; never more than one extra copy of a digest).
/// </summary>
public sealed class CrashTests(LocalServices services)
{
    private const int Agencies = 150;
    private static readonly LocalDate Day = new(2023, 3, 24);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string prefix = TestHost.UniquePrefix();
    private readonly string sender = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";
    private readonly string queue = "t" + Guid.NewGuid().ToString("N")[..12];

    private Dictionary<string, string?> Settings => new()
    {
        ["Tdkt:Storage:Prefix"] = prefix,
        ["Tdkt:Mail:Channel"] = "Smtp",
        ["Tdkt:Mail:From"] = sender,
        ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
        ["Tdkt:Mail:Smtp:Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Tdkt:Mail:Smtp:Security"] = "None",
        ["Tdkt:Mail:DispatchQueue"] = queue,
        // 10 a second: the 150 digests take 15 s, so the kill lands mid-way.
        ["Tdkt:Mail:RatePerMinute"] = "600",
    };

    private Dictionary<string, string> Environment() => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!)
        .Append(new KeyValuePair<string, string>("Tdkt__Storage__ConnectionString", services.Azurite.ConnectionString)).ToDictionary();

    private async Task<ServiceProvider> SeedAsync(Instant now)
    {
        var provider = TestHost.Services(services.Azurite.ConnectionString, now, Settings);
        await ManyAgencies.SeedAsync(provider, Agencies, prefix);
        return provider;
    }

    private Process Start(params string[] arguments)
    {
        var process = Cli.CliProcess.Start(Environment(), arguments);
        _ = process.StandardOutput.ReadToEndAsync(Ct);
        _ = process.StandardError.ReadToEndAsync(Ct);
        return process;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition was not reached in time.");
            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task Killed_mid_sweep_then_run_again_the_outbox_holds_each_digest_once()
    {
        await using var provider = await SeedAsync(Instant.FromUtc(2023, 3, 24, 1, 0));
        var outbox = provider.GetRequiredService<OutboxStore>();

        using (var sweep = Start("sweep", "--date", "2023-03-24"))
        {
            await WaitUntilAsync(async () => (await outbox.ListAsync(Day, Ct)).Count > 0 || sweep.HasExited, TimeSpan.FromSeconds(60));
            sweep.Kill(entireProcessTree: true);
            await sweep.WaitForExitAsync(Ct);
        }
        var afterKill = (await outbox.ListAsync(Day, Ct)).Count;
        var again = await provider.GetRequiredService<ReminderSweep>().RunAsync(Day, false, "test", Ct);
        var rows = await outbox.ListAsync(Day, Ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"digests in the outbox when the sweep was killed: {afterKill} of {Agencies}; the rerun created {again.Created}");
        Assert.Equal(Agencies, rows.Count(r => r.Key.Kind == DigestKind.Daily));
        Assert.Equal(Agencies, again.Created + again.Existing);
        Assert.Equal(rows.Select(r => r.Key), rows.Select(r => r.Key).Distinct());
        Assert.Equal(rows.Count, (await outbox.ListPendingAsync(Ct)).Count);
    }

    [Fact]
    public async Task Killed_mid_dispatch_then_run_again_every_digest_is_delivered_with_at_most_one_extra_copy()
    {
        await using (var seeding = await SeedAsync(Instant.FromUtc(2023, 3, 24, 1, 0)))
        {
            await seeding.GetRequiredService<ReminderSweep>().RunAsync(Day, false, "test", Ct);
        }
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);

        using (var dispatch = Start("dispatch", "--watch"))
        {
            await WaitUntilAsync(async () => (await inbox.ReceivedTimesFromAsync(sender, 0, TimeSpan.Zero)).Count >= 30 || dispatch.HasExited, TimeSpan.FromSeconds(60));
            dispatch.Kill(entireProcessTree: true);
            await dispatch.WaitForExitAsync(Ct);
        }
        var beforeRestart = (await inbox.ReceivedTimesFromAsync(sender, 0, TimeSpan.Zero)).Count;

        // The restarted dispatcher, after the killed one's leases (5 minutes of real time) have run out.
        await using var restarted = await SeedAsync(SystemClock.Instance.GetCurrentInstant());
        ((ShiftedTime)restarted.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(6));
        var pass = await restarted.GetRequiredService<MailDispatcher>().DispatchPendingAsync(8, Ct);
        var mails = await inbox.MessagesWithDistinctIdsFromAsync(sender, Agencies, TimeSpan.FromSeconds(30));

        var copies = mails.GroupBy(m => m.Message.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicates = copies.Values.Sum(c => c - 1);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"delivered before the kill: {beforeRestart}; sent after restart: {pass.Sent}; digests delivered: {copies.Count} of {Agencies}; duplicates: {duplicates}");
        Assert.InRange(beforeRestart, 30, Agencies - 1);
        Assert.Equal(Agencies, copies.Count);
        Assert.All(copies.Values, c => Assert.InRange(c, 1, 2));
        Assert.InRange(duplicates, 0, 8);
        Assert.All(await restarted.GetRequiredService<OutboxStore>().ListAsync(Day, Ct), e => Assert.Equal(OutboxStatus.Sent, e.Status));
        Assert.Empty(await restarted.GetRequiredService<OutboxStore>().ListPendingAsync(Ct));
    }
}
