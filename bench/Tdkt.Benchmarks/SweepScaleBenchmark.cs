using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt.Benchmarks;

/// <summary>
/// The daily sweep over a large stored year (100,000 and 1,000,000 assignments of 500 and 5,000 agencies): wall
/// time, rows read against rows stored, the working set while it runs, and the time next to a raw
/// Azure.Data.Tables read of exactly the partitions it needed.
/// </summary>
public static class SweepScaleBenchmark
{
    private static readonly LocalDate Day = new(2023, 6, 23); // five working days before the 30/06 quarter end

    public static async Task RunAsync(TextWriter output, int assignments)
    {
        var name = assignments >= 1_000_000 ? $"{assignments / 1_000_000}m" : $"{assignments / 1000}k";
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTdkt(configuration).BuildServiceProvider();
        var data = new SyntheticData(assignments / 200, assignments);
        await services.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(data.Agencies), CancellationToken.None);
        var plan = new Plan(PlanId.For(2023, "999/KH-TEST"), "999/KH-TEST", "Kế hoạch thử tải", "Ủy ban nhân dân tỉnh", new LocalDate(2022, 12, 20), 2023,
            PlanStatus.Draft, new ValueList<PlanTask>([new PlanTask("1", "Nhiệm vụ mẫu", 1,
                new Deadline(DeadlineRule.OnDate, "ngày 01/01/2023", new LocalDate(2023, 1, 1)), new ValueList<AgencyId>([data.Agencies[0].Id]))]));
        var plans = services.GetRequiredService<PlanStore>();
        await plans.SaveAsync(plan, CancellationToken.None);
        await plans.SetStatusAsync(plan.Id, PlanStatus.Active, CancellationToken.None);

        var index = services.GetRequiredService<DueIndex>();
        var watch = Stopwatch.StartNew();
        foreach (var chunk in data.Assignments(plan.Id.Value).Chunk(50_000))
        {
            await index.WriteAsync(chunk, [], CancellationToken.None);
        }
        Line(output, $"sweep_{name}_seed_rows_per_s", assignments / watch.Elapsed.TotalSeconds, "rows/s");

        GC.Collect();
        var before = Environment.WorkingSet;
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10);
            }
        });
        watch.Restart();
        var result = await services.GetRequiredService<ReminderSweep>().ComputeAsync(Day, CancellationToken.None);
        var sweepSeconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        // The same partitions read raw: what the sweep cannot avoid reading.
        var rules = services.GetRequiredService<ReminderRules>();
        var buckets = rules.DueDates(result.Window, ReminderPolicy.Default, new LocalDate(2023, 1, 1));
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(prefix + StorageTables.DueIndex);
        watch.Restart();
        var raw = 0;
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (due, ct) =>
        {
            var partition = DueIndex.Key(due);
            var count = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
            {
                count++;
            }
            Interlocked.Add(ref raw, count);
        });
        var rawSeconds = watch.Elapsed.TotalSeconds;
        if (raw + 1 < result.RowsRead || result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"sweep read {result.RowsRead} rows, the raw read {raw}; errors: {string.Join("; ", result.Errors)}");
        }

        Line(output, $"sweep_{name}_rows_stored", assignments, "rows");
        Line(output, $"sweep_{name}_notices", result.Notices, "notices");
        Line(output, $"sweep_{name}_digests", result.Digests.Count, "digests");
        Line(output, $"sweep_{name}_rows_read", result.RowsRead, "rows");
        Line(output, $"sweep_{name}_rows_read_per_stored", 100.0 * result.RowsRead / assignments, "%");
        Line(output, $"sweep_{name}_rows_read_per_notice", (double)result.RowsRead / Math.Max(1, result.Notices), "rows/notice");
        Line(output, $"sweep_{name}_wall_time", sweepSeconds, "s");
        Line(output, $"sweep_{name}_raw_read_same_partitions", rawSeconds, "s");
        Line(output, $"sweep_{name}_vs_raw_read", sweepSeconds / rawSeconds, "x");
        Line(output, $"sweep_{name}_working_set_before", before / 1048576.0, "MB");
        Line(output, $"sweep_{name}_working_set_peak", peak / 1048576.0, "MB");
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
