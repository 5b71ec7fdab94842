using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Links;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.SelfHost;

namespace Tdkt.Benchmarks;

/// <summary>
/// The agency page (GET over HTTP, 50 clients) for Sở Nội vụ: in the seed plan, and in a 5,000-task plan where it holds
/// the same number of tasks as in the seed while other agencies hold the rest and have a long audit history. Prints
/// p50/p99 and the rows read per page (counted on the storage pipeline, in a separate sequential pass).
/// </summary>
public static class AgencyPageBenchmark
{
    private const string Agency = "so-noi-vu";
    private static readonly int Clients = Bench.Size(50, 10);
    private static readonly int Requests = Bench.Size(2_000, 100);

    public static async Task RunAsync(string root, TextWriter output)
    {
        var seedText = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt"));
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, "samples", "agencies", "lang-son.yaml")), "lang-son.yaml").Directory!;
        var seed = PlanImporter.Import(seedText, "seed.txt", directory).Plan!;
        var held = seed.Tasks.Count(t => t.Agencies.Contains(new AgencyId(Agency)));

        // A first pass warms the process (JIT, connection pools, Azurite) and is not reported: the page measured first
        // would otherwise carry the warm-up in its p99.
        await MeasureAsync(seed, directory, auditRows: 0);
        var (seedP50, seedP99, seedRows, seedAlone) = await MeasureAsync(seed, directory, auditRows: 0);
        var big = Grown(seed, Bench.Size(PlanBuilder.MaxTasks, 500), held);
        var (bigP50, bigP99, bigRows, bigAlone) = await MeasureAsync(big, directory, auditRows: Bench.Size(5_000, 500));

        Line(output, "agency_page_clients", Clients, "clients");
        Line(output, "agency_page_tasks_held", held, "tasks");
        Line(output, "agency_page_seed_plan_tasks", seed.Tasks.Count, "tasks");
        Line(output, "agency_page_seed_p50", seedP50, "ms");
        Line(output, "agency_page_seed_p99", seedP99, "ms");
        Line(output, "agency_page_seed_rows_read", seedRows, "rows/page");
        Line(output, "agency_page_seed_one_client_p50", seedAlone, "ms");
        Line(output, "agency_page_big_plan_tasks", big.Tasks.Count, "tasks");
        Line(output, "agency_page_big_p50", bigP50, "ms");
        Line(output, "agency_page_big_p99", bigP99, "ms");
        Line(output, "agency_page_big_rows_read", bigRows, "rows/page");
        Line(output, "agency_page_big_one_client_p50", bigAlone, "ms");
        Line(output, "agency_page_big_vs_seed_p99", bigP99 / seedP99, "x");
    }

    /// <summary>The seed's tasks, then other agencies' tasks up to <paramref name="total"/>: the agency holds exactly what it held.</summary>
    private static Plan Grown(Plan seed, int total, int held)
    {
        string[] others = ["so-tai-chinh", "ubnd-tinh", "hoi-dong-tdkt-tinh", "so-ke-hoach-va-dau-tu"];
        var extra = Enumerable.Range(seed.Tasks.Count + 1, Math.Max(0, total - seed.Tasks.Count)).Select(i => new PlanTask(
            i.ToString(CultureInfo.InvariantCulture), $"Nhiệm vụ tổng hợp số {i} về công tác thi đua, khen thưởng năm 2023", 4,
            new Deadline(DeadlineRule.EndOfQuarter, "QUÝ IV", new LocalDate(2023, 12, 31)),
            new[] { new AgencyId(others[i % others.Length]), new AgencyId(others[(i + 1) % others.Length]) }.ToValueList()));
        var plan = seed with { Id = new PlanId("2023-9999-kh-bench"), Tasks = seed.Tasks.Concat(extra).ToValueList() };
        return plan.Tasks.Count(t => t.Agencies.Contains(new AgencyId(Agency))) == held ? plan : throw new InvalidOperationException("the grown plan changed the agency's tasks");
    }

    private static async Task<(double P50, double P99, double RowsPerPage, double OneClientP50)> MeasureAsync(Plan plan, AgencyDirectory directory, int auditRows)
    {
        var connection = Environment.GetEnvironmentVariable("Tdkt__Storage__ConnectionString")
            ?? throw new InvalidOperationException("set Tdkt__Storage__ConnectionString (bench/run does)");
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = "page" + Guid.NewGuid().ToString("N")[..10],
            ["Tdkt:Links:SigningKeys"] = "p1=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var counter = new RowCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        // The business date inside the plan's year, as a page would be read then.
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2023, 3, 24, 1, 0));
        await using var host = await SelfHostedWeb.StartAsync(configuration, 0, Guid.NewGuid().ToString("N"),
            s => s.AddSingleton(new TableServiceClient(connection, options)).AddSingleton<IClock>(clock));
        var services = host.Services;
        await services.GetRequiredService<AgencyStore>().SaveAsync(directory, CancellationToken.None);
        var store = services.GetRequiredService<PlanStore>();
        await store.SaveAsync(plan, CancellationToken.None);
        await store.SetStatusAsync(plan.Id, PlanStatus.Active, CancellationToken.None);
        await AddAuditHistoryAsync(services, plan, auditRows);
        var token = services.GetRequiredService<LinkTokens>().Create(Agency, new LocalDate(2023, 12, 31));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = host.Address };
        async Task<double> GetAsync()
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"api/a/{token}");
            var html = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !html.Contains("Xác nhận đã hoàn thành", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the page answered {(int)response.StatusCode}");
            }
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < Clients * 2; i++)
        {
            await GetAsync();
        }
        var latencies = new List<double>(Requests);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Requests)
            {
                var ms = await GetAsync();
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        }));

        // One client alone: what a page costs without waiting behind 49 others.
        var alone = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            alone.Add(await GetAsync());
        }
        counter.Counting = true;
        const int counted = 10;
        for (var i = 0; i < counted; i++)
        {
            await GetAsync();
        }
        counter.Counting = false;
        var sorted = latencies.Order().ToList();
        return (sorted[(int)Math.Ceiling(0.50 * sorted.Count) - 1], sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1], counter.Rows / (double)counted,
            alone.Order().ElementAt(alone.Count / 2));
    }

    /// <summary>Other agencies' completions, undone and made again: audit rows in the plan's partition that the page must not read.</summary>
    private static async Task AddAuditHistoryAsync(IServiceProvider services, Plan plan, int rows)
    {
        var tables = services.GetRequiredService<Storage.StorageTables>();
        var table = await tables.GetAsync(Storage.StorageTables.Assignments, CancellationToken.None);
        var start = Instant.FromUtc(2023, 1, 2, 1, 0).ToUnixTimeTicks();
        var audit = Enumerable.Range(0, rows).Select(i => AuditLog.Row(new AuditEntry(plan.Id.Value, $"{plan.Tasks[plan.Tasks.Count - 1 - (i % 100)].Key}--so-tai-chinh",
            i % 2 == 0 ? AuditLog.Actions.Complete : AuditLog.Actions.Undo, Instant.FromUnixTimeTicks(start + i * TimeSpan.TicksPerSecond), "Cán bộ thử", "Ghi chú thử",
            "203.0.113.7", "Mozilla/5.0")));
        foreach (var chunk in audit.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        }
    }

    /// <summary>Counts the entities storage returns (query pages and point reads) while <see cref="Counting"/>.</summary>
    private sealed class RowCounter : HttpPipelinePolicy
    {
        private long rows;

        public bool Counting { get; set; }

        public long Rows => Interlocked.Read(ref rows);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Count(message);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            if (!Counting || message.Request.Method != RequestMethod.Get || message.Response.Status != 200 || message.Response.Content is not { } content)
            {
                return;
            }
            using var json = JsonDocument.Parse(content.ToMemory());
            Interlocked.Add(ref rows, json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1);
        }
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
