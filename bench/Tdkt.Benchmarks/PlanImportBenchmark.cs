using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Plans.Import;

namespace Tdkt.Benchmarks;

/// <summary>The seed plan grown to the 5,000-task limit with synthetic rows, imported (parse + validate) and stored.</summary>
public static class PlanImportBenchmark
{
    public static async Task RunAsync(string root, TextWriter output)
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt"));
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, "samples", "agencies", "lang-son.yaml")), "lang-son.yaml").Directory!;

        var atLimit = Grow(seed, PlanBuilder.MaxTasks - 27);
        var overLimit = Grow(seed, PlanBuilder.MaxTasks);

        // Warm up the parser and regexes once, as a long-running host would be.
        PlanImporter.Import(Encoding.UTF8.GetBytes(seed), "seed.txt", directory);

        var watch = Stopwatch.StartNew();
        var result = PlanImporter.Import(atLimit, "plan-5000.txt", directory);
        var importMs = watch.Elapsed.TotalMilliseconds;
        if (!result.IsValid)
        {
            throw new InvalidOperationException("synthetic plan is invalid: " + string.Join("; ", result.Errors.Take(3)));
        }
        Line(output, "plan_import_5000_tasks_bytes", atLimit.Length, "B");
        Line(output, "plan_import_5000_tasks_parse_validate", importMs, "ms");

        watch.Restart();
        var rejected = PlanImporter.Import(overLimit, "plan-5027.txt", directory);
        Line(output, "plan_import_5027_tasks_rejected", watch.Elapsed.TotalMilliseconds, "ms");
        if (rejected.IsValid)
        {
            throw new InvalidOperationException("a plan over the limit was accepted");
        }

        Published(root, directory, output);

        var connection = Environment.GetEnvironmentVariable("Tdkt__Storage__ConnectionString");
        if (connection is null)
        {
            output.WriteLine("# storage figures skipped: set Tdkt__Storage__ConnectionString (bench/run does)");
            return;
        }
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:Prefix"] = "bench" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^8..],
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTdkt(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<PlanStore>();
        watch.Restart();
        await store.SaveAsync(result.Plan!, CancellationToken.None);
        var saveMs = watch.Elapsed.TotalMilliseconds;
        Line(output, "plan_store_5000_tasks_first_save", saveMs, "ms");
        Line(output, "plan_store_5000_tasks_assignments", result.Plan!.Assignments.Count(), "rows");
        watch.Restart();
        await store.SaveAsync(result.Plan!, CancellationToken.None);
        Line(output, "plan_store_5000_tasks_unchanged_resave", watch.Elapsed.TotalMilliseconds, "ms");
        Line(output, "plan_import_and_store_5000_tasks_total", importMs + saveMs, "ms");
    }

    /// <summary>The seed with <paramref name="extra"/> rows appended to its QUÝ IV table; every tenth carries a date in its content.</summary>
    private static byte[] Grow(string seed, int extra)
    {
        var rows = new StringBuilder();
        for (var i = 0; i < extra; i++)
        {
            var n = 27 + i;
            var day = (i % 27) + 2;
            var month = (i % 12) + 1;
            var dated = i % 10 == 0 ? $", gửi về Sở Nội vụ trước ngày {day:00}/{month:00}/2023" : "";
            var agencies = (i % 3) switch
            {
                0 => "- Sở Nội vụ. - Các cơ quan, đơn vị liên quan.",
                1 => "<ul><li>UBND tỉnh.</li><li>Sở Tài chính.</li></ul>",
                _ => "- Hội đồng TĐKT tỉnh; - Sở Giáo dục và Đào tạo.",
            };
            rows.Append(CultureInfo.InvariantCulture, $"{n}\tNhiệm vụ tổng hợp số {n} về công tác thi đua, khen thưởng năm 2023{dated}\t{agencies}\n");
        }
        var at = seed.IndexOf("\nIII. TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(seed[..at] + "\n" + rows + seed[at..]);
    }

    /// <summary>
    /// A 5,000-task plan as a province publishes it: a Word document with the Decree 30 header in a layout table and a
    /// ruled five-column table in five roman sections, and LibreOffice's PDF of it (bench/fixtures/make-plan-5000.py); and the same
    /// plan kept as a workbook (<see cref="Workbook5000"/>).
    /// </summary>
    private static void Published(string root, AgencyDirectory directory, TextWriter output)
    {
        var fixtures = Path.Combine(root, "bench", "fixtures");
        using var packed = File.OpenRead(Path.Combine(fixtures, "plan-5000.pdf.gz"));
        using var unpacked = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionMode.Decompress);
        using var pdf = new MemoryStream();
        unpacked.CopyTo(pdf);
        // A long-running host has the readers loaded and warm: read the small samples once first.
        PlanImporter.Import(File.ReadAllBytes(Path.Combine(root, "samples", "plans", "lang-son-2025-230-kh-ubnd.pdf")), "sample.pdf", directory);
        PlanImporter.Import(File.ReadAllBytes(Path.Combine(root, "samples", "plans", "lang-son-2025-230-kh-ubnd.docx")), "sample.docx", directory);

        Measure("pdf", pdf.ToArray(), "plan-5000.pdf");
        Measure("docx", File.ReadAllBytes(Path.Combine(fixtures, "plan-5000.docx")), "plan-5000.docx");
        PlanImporter.Import(File.ReadAllBytes(Path.Combine(root, "samples", "plans", "lang-son-2025-230-kh-ubnd.xlsx")), "sample.xlsx", directory);
        Measure("xlsx", Workbook5000.Build(), "plan-5000.xlsx");

        void Measure(string format, byte[] bytes, string name)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = PlanImporter.Import(bytes, name, directory);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (!result.IsValid || result.Plan!.Tasks.Count != PlanBuilder.MaxTasks)
            {
                throw new InvalidOperationException($"{name} did not import whole ({result.Plan?.Tasks.Count} tasks): " + string.Join("; ", result.Errors.Take(3)));
            }
            Line(output, $"plan_import_{format}_5000_tasks_bytes", bytes.Length, "B");
            Line(output, $"plan_import_{format}_5000_tasks_parse_validate", elapsed, "ms");
            Line(output, $"plan_import_{format}_5000_tasks_allocated", allocated / 1048576.0, "MiB");
        }
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
