using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Benchmarks;

/// <summary>
/// The long fault run: 1,000 digests; `tdkt sweep` killed mid-run and run again; `tdkt dispatch --watch` killed
/// (SIGKILL) three times at random moments and restarted; then a dispatcher after the dead processes' leases.
/// Prints how many digests were in the outbox, delivered, and delivered twice.
/// </summary>
public static class FaultsBenchmark
{
    private static readonly int Agencies = Bench.Size(1_000, 50);
    private static readonly LocalDate Day = new(2023, 3, 24);

    public static async Task RunAsync(TextWriter output)
    {
        var inboxUrl = Environment.GetEnvironmentVariable("TDKT_BENCH_INBOX");
        if (inboxUrl is null)
        {
            output.WriteLine("# fault figures skipped: bench/run starts smtp4dev and sets TDKT_BENCH_INBOX");
            return;
        }
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..10];
        var sender = $"faults-{Guid.NewGuid():N}"[..18] + "@example.org";
        var settings = new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = prefix,
            ["Tdkt:Mail:From"] = sender,
            ["Tdkt:Mail:Smtp:Security"] = "None",
            ["Tdkt:Mail:RatePerMinute"] = "6000",
            ["Tdkt:Mail:DispatchQueue"] = prefix,
        };
        await using (var seeding = Services(settings))
        {
            var agencies = Enumerable.Range(1, Agencies).Select(i => new Agency(new AgencyId($"co-quan-{i:D4}"), $"Cơ quan {i}", ValueList.Empty<string>(),
                new ValueList<string>([$"co-quan-{i:D4}.{prefix}@example.org"]), ValueList.Empty<string>(), null, ValueList.Empty<AgencyId>(), false)).ToList();
            await seeding.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(agencies), CancellationToken.None);
            var plan = new Plan(PlanId.For(2023, "88/KH-BENCH"), "88/KH-BENCH", "Kế hoạch thử sự cố", "Ủy ban nhân dân tỉnh", new LocalDate(2022, 12, 20), 2023,
                PlanStatus.Draft, new ValueList<PlanTask>([new PlanTask("1", "Báo cáo", 1, new Deadline(DeadlineRule.EndOfQuarter, "QUÝ I", new LocalDate(2023, 3, 31)),
                    agencies.Select(a => a.Id).ToValueList())]));
            await seeding.GetRequiredService<PlanStore>().SaveAsync(plan, CancellationToken.None);
            await seeding.GetRequiredService<PlanStore>().SetStatusAsync(plan.Id, PlanStatus.Active, CancellationToken.None);
        }

        var random = new Random(7);
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var check = Services(settings);
        var outbox = check.GetRequiredService<OutboxStore>();

        // The sweep, killed once mid-run, then run to the end.
        using (var sweep = Start(environment, "sweep", "--date", "2023-03-24"))
        {
            await WaitUntilAsync(async () => (await outbox.ListAsync(Day, CancellationToken.None)).Count > 50 || sweep.HasExited);
            sweep.Kill(entireProcessTree: true);
            await sweep.WaitForExitAsync();
        }
        var atKill = (await outbox.ListAsync(Day, CancellationToken.None)).Count;
        using (var again = Start(environment, "sweep", "--date", "2023-03-24"))
        {
            await again.WaitForExitAsync();
        }
        var inOutbox = (await outbox.ListAsync(Day, CancellationToken.None)).Count(e => e.Key.Kind == DigestKind.Daily);

        // Dispatch, killed three times.
        using var inbox = new HttpClient { BaseAddress = new Uri(inboxUrl) };
        for (var kill = 0; kill < 3; kill++)
        {
            using var dispatch = Start(environment, "dispatch", "--watch");
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + random.Next(2000)));
            dispatch.Kill(entireProcessTree: true);
            await dispatch.WaitForExitAsync();
        }
        var beforeLast = (await MessageIdsAsync(inbox, sender)).Count;
        // Leases are real time: this dispatcher lives 6 minutes ahead, past the dead processes' 5-minute leases.
        await using (var last = Services(settings, TimeSpan.FromMinutes(6)))
        {
            while ((await last.GetRequiredService<OutboxStore>().ListPendingAsync(CancellationToken.None)).Count > 0)
            {
                await last.GetRequiredService<MailDispatcher>().DispatchPendingAsync(16, CancellationToken.None);
            }
        }
        // smtp4dev lists a message a moment after accepting it: wait (30 s at most) until every digest is there.
        var ids = await MessageIdsAsync(inbox, sender);
        for (var waited = 0; ids.Distinct(StringComparer.Ordinal).Count() < inOutbox && waited < 150; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            ids = await MessageIdsAsync(inbox, sender);
        }
        var copies = ids.GroupBy(id => id, StringComparer.Ordinal).Select(g => g.Count()).ToList();

        Line(output, "faults_sweep_digests_at_kill", atKill, "digests");
        Line(output, "faults_sweep_digests_in_outbox", inOutbox, "digests");
        Line(output, "faults_dispatch_kills", 3, "kills");
        Line(output, "faults_dispatch_delivered_before_last_run", beforeLast, "messages");
        Line(output, "faults_dispatch_digests_delivered", copies.Count, "digests");
        Line(output, "faults_dispatch_duplicates", copies.Sum(c => c - 1), "messages");
        Line(output, "faults_dispatch_most_copies_of_one_digest", copies.Count == 0 ? 0 : copies.Max(), "copies");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, TimeSpan ahead = default)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new AheadTime(ahead)).AddTdkt(configuration).BuildServiceProvider();
    }

    /// <summary>Real time moved ahead (timers run at the real rate).</summary>
    private sealed class AheadTime(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private static Process Start(Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tdkt.Cli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition() && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>The Message-ID of every message from the sender in smtp4dev (one per delivered copy).</summary>
    private static async Task<List<string>> MessageIdsAsync(HttpClient inbox, string sender)
    {
        using var page = await inbox.GetFromJsonAsync<JsonDocument>(new Uri("api/messages?pageSize=100000", UriKind.Relative));
        var ids = new List<string>();
        foreach (var message in page!.RootElement.GetProperty("results").EnumerateArray())
        {
            if (message.GetProperty("from").GetString()?.Contains(sender, StringComparison.OrdinalIgnoreCase) == true)
            {
                using var raw = await inbox.GetStreamAsync(new Uri($"api/messages/{message.GetProperty("id").GetString()}/raw", UriKind.Relative));
                ids.Add((await MimeKit.MimeMessage.LoadAsync(raw)).MessageId ?? "");
            }
        }
        return ids;
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
