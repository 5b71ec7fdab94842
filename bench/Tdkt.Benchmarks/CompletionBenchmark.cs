using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Plans;
using Tdkt.SelfHost;

namespace Tdkt.Benchmarks;

/// <summary>
/// Completion POSTs over real HTTP to the local host (Kestrel, the CompleteTask function, Azurite) from 50
/// concurrent clients, each on its own assignments, next to raw Azure.Data.Tables loops at the same concurrency:
/// a blind update per row, and the read-then-conditional-update a safe completion needs at least.
/// </summary>
public static class CompletionBenchmark
{
    private static readonly int Clients = Bench.Size(50, 10);
    private static readonly int Tasks = Bench.Size(1_000, 100);
    private static readonly string[] Agencies = ["so-noi-vu", "so-tai-chinh"];

    public static async Task RunAsync(string root, TextWriter output)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..10],
            ["Tdkt:Links:SigningKeys"] = "b1=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        await using var host = await SelfHostedWeb.StartAsync(configuration, 0, Guid.NewGuid().ToString("N"));
        var services = host.Services;
        var plan = await SeedAsync(root, services);
        var tokens = services.GetRequiredService<LinkTokens>();
        var links = Agencies.ToDictionary(a => a, a => tokens.Create(a, new LocalDate(2099, 12, 31)), StringComparer.Ordinal);
        var proofs = links.ToDictionary(l => l.Key, l => tokens.CreateFormProof(l.Value), StringComparer.Ordinal);
        var work = plan.Tasks.SelectMany(t => Agencies.Select(a => (Agency: a, Task: new TaskRef(plan.Id, t.Key)))).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = Clients }) { BaseAddress = host.Address };
        async Task<double> PostAsync((string Agency, TaskRef Task) item)
        {
            var watch = Stopwatch.StartNew();
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["proof"] = proofs[item.Agency], ["name"] = "Cán bộ thử" });
            using var response = await http.PostAsync($"api/a/{links[item.Agency]}/tasks/{item.Task}/complete", content);
            if ((int)response.StatusCode != 303 || !response.Headers.Location!.OriginalString.Contains("m=done", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"completion of {item} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
            return watch.Elapsed.TotalMilliseconds;
        }

        // Warm-up (JIT, connections, tables), then the measured run over the remaining assignments.
        await RunAsync(work.Take(Clients * 2).ToList(), PostAsync);
        var measured = work.Skip(Clients * 2).ToList();
        var (seconds, latencies) = await RunAsync(measured, PostAsync);

        var table = new TableClient(configuration["Tdkt:Storage:ConnectionString"], "bench" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateAsync();
        var rows = Enumerable.Range(0, measured.Count + Clients * 2).Select(i => new TableEntity("p", i.ToString("D6", CultureInfo.InvariantCulture)) { ["Status"] = "open" }).ToList();
        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        }
        await RunAsync(rows.Take(Clients * 2).ToList(), r => BlindUpdateAsync(table, r));
        var (rawSeconds, rawLatencies) = await RunAsync(rows.Skip(Clients * 2).ToList(), r => BlindUpdateAsync(table, r));
        var (checkedSeconds, _) = await RunAsync(rows.Skip(Clients * 2).ToList(), r => ReadThenUpdateAsync(table, r));
        // The storage writes a completion makes (marker + audit + merge in one transaction, then an index row), without HTTP.
        var index = new TableClient(configuration["Tdkt:Storage:ConnectionString"], table.Name + "ix");
        await index.CreateAsync();
        var (sameSeconds, _) = await RunAsync(rows.Skip(Clients * 2).ToList(), r => SameWritesAsync(table, index, r));

        Line(output, "completion_post_clients", Clients, "clients");
        Line(output, "completion_post_requests", measured.Count, "requests");
        Line(output, "completion_post_throughput", measured.Count / seconds, "req/s");
        Line(output, "completion_post_p50", Percentile(latencies, 0.50), "ms");
        Line(output, "completion_post_p99", Percentile(latencies, 0.99), "ms");
        Line(output, "raw_tables_update_throughput", measured.Count / rawSeconds, "ops/s");
        Line(output, "raw_tables_update_p50", Percentile(rawLatencies, 0.50), "ms");
        Line(output, "raw_tables_update_p99", Percentile(rawLatencies, 0.99), "ms");
        Line(output, "completion_vs_raw_update", 100 * rawSeconds / seconds, "%");
        Line(output, "raw_tables_read_then_update_throughput", measured.Count / checkedSeconds, "ops/s");
        Line(output, "completion_vs_raw_read_then_update", 100 * checkedSeconds / seconds, "%");
        Line(output, "raw_tables_completion_writes_throughput", measured.Count / sameSeconds, "ops/s");
        Line(output, "completion_vs_raw_completion_writes", 100 * sameSeconds / seconds, "%");
        await table.DeleteAsync();
        await index.DeleteAsync();
    }

    private static async Task<double> BlindUpdateAsync(TableClient table, TableEntity row)
    {
        var watch = Stopwatch.StartNew();
        await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = "done" }, Azure.ETag.All, TableUpdateMode.Merge);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> ReadThenUpdateAsync(TableClient table, TableEntity row)
    {
        var watch = Stopwatch.StartNew();
        var current = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey);
        await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = "done2" }, current.Value.ETag, TableUpdateMode.Merge);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> SameWritesAsync(TableClient table, TableClient index, TableEntity row)
    {
        var watch = Stopwatch.StartNew();
        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(row.PartitionKey, "~done-" + row.RowKey) { ["At"] = DateTimeOffset.UtcNow }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(row.PartitionKey, "~audit-" + row.RowKey) { ["By"] = "Cán bộ thử" }),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = "done3" }, Azure.ETag.All),
        ]);
        await index.UpsertEntityAsync(new TableEntity("2099-12-31", row.RowKey) { ["Done"] = true }, TableUpdateMode.Merge);
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Runs <paramref name="items"/> through <see cref="Clients"/> concurrent workers; total seconds and each call's latency.</summary>
    private static async Task<(double Seconds, List<double> Latencies)> RunAsync<T>(List<T> items, Func<T, Task<double>> call)
    {
        var latencies = new List<double>(items.Count);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var ms = await call(items[i]);
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        }));
        return (watch.Elapsed.TotalSeconds, latencies);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The sample directory and an active plan of <see cref="Tasks"/> tasks, each held by both benchmark agencies.</summary>
    private static async Task<Plan> SeedAsync(string root, IServiceProvider services)
    {
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, "samples", "agencies", "lang-son.yaml")), "lang-son.yaml").Directory!;
        await services.GetRequiredService<AgencyStore>().SaveAsync(directory, CancellationToken.None);
        // This year's plan: completions through the link are dated today, and a plan of a far year refuses them.
        var year = new VietnamClock(SystemClock.Instance).Today.Year;
        var due = new LocalDate(year, 12, 31);
        var tasks = Enumerable.Range(1, Tasks).Select(i => new PlanTask(i.ToString(CultureInfo.InvariantCulture), $"Nhiệm vụ thử {i}", 4,
            new Deadline(DeadlineRule.EndOfQuarter, "QUÝ IV", due), Agencies.Select(a => new AgencyId(a)).ToValueList())).ToValueList();
        var plan = new Plan(new PlanId($"{year}-1-kh-bench"), "1/KH-BENCH", "Kế hoạch thử tải", "Ủy ban nhân dân tỉnh", new LocalDate(year - 1, 12, 1), year, PlanStatus.Draft, tasks);
        var store = services.GetRequiredService<PlanStore>();
        await store.SaveAsync(plan, CancellationToken.None);
        await store.SetStatusAsync(plan.Id, PlanStatus.Active, CancellationToken.None);
        return plan;
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
