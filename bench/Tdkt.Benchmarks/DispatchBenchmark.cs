using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Mail;
using Tdkt.Mail.Channels;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Plans.Import;

namespace Tdkt.Benchmarks;

/// <summary>
/// Dispatch from the outbox to smtp4dev (lease, compose, rate slot, send, mark sent) next to a raw MailKit
/// loop sending the same messages at the same concurrency; then a run under a rate limit.
/// </summary>
public static class DispatchBenchmark
{
    private static readonly int Digests = Bench.Size(400, 40);
    private const int Concurrency = 16;

    public static async Task RunAsync(string root, TextWriter output)
    {
        var host = Environment.GetEnvironmentVariable("Tdkt__Mail__Smtp__Host");
        var port = int.Parse(Environment.GetEnvironmentVariable("Tdkt__Mail__Smtp__Port") ?? "0", CultureInfo.InvariantCulture);
        if (host is null || port == 0)
        {
            output.WriteLine("# dispatch figures skipped: bench/run starts smtp4dev and sets Tdkt__Mail__Smtp__Host/Port");
            return;
        }

        // A high but real limit (100 a second, above what smtp4dev takes here), so the rate slots are part of the cost.
        await using var services = Services(rate: 6_000);
        var (keys, plan) = await SeedAsync(root, services, "tput");
        var dispatcher = services.GetRequiredService<MailDispatcher>();
        var watch = Stopwatch.StartNew();
        var pass = await dispatcher.DispatchPendingAsync(Concurrency, CancellationToken.None);
        var dispatchSeconds = watch.Elapsed.TotalSeconds;
        if (pass.Sent != Digests)
        {
            throw new InvalidOperationException($"dispatch sent {pass.Sent} of {Digests}");
        }

        // The same messages, composed up front, sent by a bare MailKit loop: one connection per worker.
        var composer = services.GetRequiredService<MailComposer>();
        var outbox = services.GetRequiredService<OutboxStore>();
        var messages = new List<MimeKit.MimeMessage>();
        watch.Restart();
        foreach (var key in keys)
        {
            messages.Add(MimeMessages.Build(await composer.ComposeAsync((await outbox.GetAsync(key, CancellationToken.None))!, CancellationToken.None)));
        }
        var composeMs = watch.Elapsed.TotalMilliseconds / Digests;
        watch.Restart();
        await Parallel.ForEachAsync(messages.Chunk(Digests / Concurrency), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (chunk, ct) =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(host, port, SecureSocketOptions.None, ct);
            foreach (var message in chunk)
            {
                await client.SendAsync(message, ct);
            }
            await client.DisconnectAsync(true, ct);
        });
        var rawSeconds = watch.Elapsed.TotalSeconds;

        Line(output, "dispatch_smtp_digests", Digests, "messages");
        Line(output, "dispatch_smtp_concurrency", Concurrency, "workers");
        Line(output, "dispatch_smtp_throughput", Digests / dispatchSeconds, "msg/s");
        Line(output, "raw_mailkit_throughput", Digests / rawSeconds, "msg/s");
        Line(output, "dispatch_vs_raw_mailkit", 100 * rawSeconds / dispatchSeconds, "%");
        Line(output, "dispatch_read_and_compose_one_digest", composeMs, "ms");

        // Under a limit: 20 digests at 120 per minute must take at least 19 half-second slots.
        var limited = Bench.Size(20, 4);
        const int perMinute = 120;
        await using var slow = Services(rate: perMinute);
        await SeedAsync(root, slow, "rate", limited);
        watch.Restart();
        var slowPass = await slow.GetRequiredService<MailDispatcher>().DispatchPendingAsync(Concurrency, CancellationToken.None);
        var slowSeconds = watch.Elapsed.TotalSeconds;
        // One send starts inside each slot of 60/(N-1) s; the first may start at once, inside the slot under way.
        Line(output, "dispatch_rate_limit_configured", perMinute, "msg/min");
        Line(output, "dispatch_rate_limit_20_digests_elapsed", slowSeconds, "s");
        Line(output, "dispatch_rate_limit_20_digests_minimum", (limited - 2) * 60.0 / (perMinute - 1), "s");
    }

    private static ServiceProvider Services(int rate)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..10],
            ["Tdkt:Mail:RatePerMinute"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Tdkt:Mail:From"] = "bench@example.org",
            ["Tdkt:Mail:Smtp:Security"] = "None",
            ["Tdkt:Mail:DispatchQueue"] = "bench" + Guid.NewGuid().ToString("N")[..10],
        }).Build();
        return new ServiceCollection().AddLogging().AddTdkt(configuration).BuildServiceProvider();
    }

    /// <summary>The sample plan, and one synthetic agency per digest, each with a 10-task digest in the outbox.</summary>
    private static async Task<(List<DigestKey> Keys, Plan Plan)> SeedAsync(string root, ServiceProvider services, string name, int? count = null)
    {
        var sample = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, "samples", "agencies", "lang-son.yaml")), "lang-son.yaml").Directory!;
        var synthetic = Enumerable.Range(1, count ?? Digests).Select(i => new Agency(new AgencyId($"{name}-{i:D4}"), $"Cơ quan thử {i}", ValueList.Empty<string>(),
            new ValueList<string>([$"{name}-{i:D4}@example.org"]), ValueList.Empty<string>(), null, ValueList.Empty<AgencyId>(), false));
        await services.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(sample.Agencies.Concat(synthetic)), CancellationToken.None);
        var plan = PlanImporter.Import(await File.ReadAllBytesAsync(Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt")), "plan.txt", sample).Plan!;
        await services.GetRequiredService<PlanStore>().SaveAsync(plan, CancellationToken.None);
        var outbox = services.GetRequiredService<OutboxStore>();
        var date = new LocalDate(2023, 3, 24);
        var keys = new List<DigestKey>();
        foreach (var agency in synthetic)
        {
            var key = new DigestKey(date, DigestKind.Daily, agency.Id.Value);
            var notices = plan.Tasks.Take(10).Select(t => new Notice(plan.Id.Value, t.Key, t.Number, NoticeKind.Upcoming, t.Deadline.Due, 5)).ToValueList();
            var digest = new Digest(key, agency.Name, agency.To, agency.Cc, notices);
            await outbox.AddIfAbsentAsync(key, agency.To, agency.Cc, notices.Count, DigestJson.Write(digest), CancellationToken.None);
            keys.Add(key);
        }
        return (keys, plan);
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
