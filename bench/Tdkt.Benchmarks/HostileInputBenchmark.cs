using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Agencies;
using Tdkt.Plans.Import;

namespace Tdkt.Benchmarks;

/// <summary>
/// Hostile plan files (sizes that once cost gigabytes or minutes) read and validated each in a process of its own, so
/// that its peak memory is its own: time and peak working set next to the seed plan's. The goal: each refused in under
/// 5× the seed's time and under 500 MB.
/// </summary>
public static class HostileInputBenchmark
{
    public const string ChildMode = "--import-one";

    public static async Task RunAsync(string root, TextWriter output)
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt"));
        var directory = Path.Combine(root, "samples", "agencies", "lang-son.yaml");
        var folder = Directory.CreateTempSubdirectory("tdkt-hostile-");
        try
        {
            var cases = Cases(seed);
            foreach (var (name, body) in cases)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, name), body);
            }
            var (seedMs, seedPeak, _) = await RunChildAsync(Path.Combine(folder.FullName, "seed.txt"), directory);
            Line(output, "hostile_seed_parse_validate", seedMs, "ms");
            Line(output, "hostile_seed_peak_working_set", seedPeak / 1024.0 / 1024.0, "MB");
            // "The seed plan's import time": as an administrator waits for it, read, validated and stored.
            var importMs = await SeedImportMsAsync(Encoding.UTF8.GetBytes(seed), directory);
            if (importMs is { } ms0)
            {
                Line(output, "hostile_seed_import_and_store", ms0, "ms");
            }
            foreach (var (name, body) in cases.Where(c => c.Name != "seed.txt"))
            {
                var (ms, peak, valid) = await RunChildAsync(Path.Combine(folder.FullName, name), directory);
                if (valid)
                {
                    throw new InvalidOperationException($"hostile file {name} was accepted");
                }
                var key = name.Replace('.', '_').Replace('-', '_');
                Line(output, $"hostile_{key}_bytes", body.Length, "B");
                Line(output, $"hostile_{key}_refused", ms, "ms");
                if (importMs is { } seedImport)
                {
                    Line(output, $"hostile_{key}_vs_seed_import", ms / seedImport, "x");
                }
                Line(output, $"hostile_{key}_peak_working_set", peak / 1024.0 / 1024.0, "MB");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>In the child: read the seed once (a host is warm), then the file; print time, peak working set and validity.</summary>
    public static int RunChild(string file, string directoryPath)
    {
        var directory = AgencyDirectoryFile.Read(File.ReadAllText(directoryPath), "lang-son.yaml").Directory!;
        var seed = Path.Combine(Path.GetDirectoryName(file)!, "seed.txt");
        PlanImporter.Import(File.ReadAllBytes(seed), "seed.txt", directory);
        var bytes = File.ReadAllBytes(file);
        var watch = Stopwatch.StartNew();
        var result = PlanImporter.Import(bytes, Path.GetFileName(file), directory);
        var ms = watch.Elapsed.TotalMilliseconds;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms} {self.PeakWorkingSet64} {result.IsValid}"));
        return 0;
    }

    private static async Task<double?> SeedImportMsAsync(byte[] seed, string directoryPath)
    {
        if (Environment.GetEnvironmentVariable("Tdkt__Storage__ConnectionString") is null)
        {
            return null;
        }
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = "hostile" + Guid.NewGuid().ToString("N")[..8] }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTdkt(configuration).BuildServiceProvider();
        var import = services.GetRequiredService<Tdkt.Plans.PlanImport>();
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(directoryPath), "lang-son.yaml").Directory!;
        // Once to create the tables, then the figure: a new plan id each time, so each is a first store.
        await import.RunAsync(new Tdkt.Plans.PlanImportRequest(seed, "seed.txt") { Directory = directory }, null, CancellationToken.None);
        var other = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(seed).Replace("252/KH-UBND", "253/KH-UBND", StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();
        var outcome = await import.RunAsync(new Tdkt.Plans.PlanImportRequest(other, "seed.txt") { Directory = directory }, null, CancellationToken.None);
        if (outcome.Result != Tdkt.Plans.PlanImportResult.Saved)
        {
            throw new InvalidOperationException("the seed plan was not stored: " + outcome.Message);
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(double Ms, long Peak, bool Valid)> RunChildAsync(string file, string directory)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.FileName = Environment.ProcessPath!;
            start.ArgumentList.Add(typeof(HostileInputBenchmark).Assembly.Location);
        }
        else
        {
            start.FileName = Environment.ProcessPath!;
        }
        foreach (var argument in new[] { ChildMode, file, directory })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var parts = text.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), bool.Parse(parts[2]));
    }

    private static List<(string Name, byte[] Body)> Cases(string seed)
    {
        const string csvHeader = "# number: 252/KH-UBND\n# title: T\n# issuer: Ủy ban nhân dân tỉnh Lạng Sơn\n# issuedOn: 2022-12-21\n# year: 2023\n"
            + "number,quarter,deadline,due,content,agencies\n";
        var lines = seed.Split('\n');
        var row = lines.First(l => l.StartsWith("2\t", StringComparison.Ordinal)).Split('\t');
        string Rows(Func<int, string> agencies) => string.Join("\n", Enumerable.Range(11, 400).Select(k =>
            string.Join("\t", [k.ToString(CultureInfo.InvariantCulture), row[1], agencies(k)])));
        var tableEnd = Array.FindIndex(lines, l => l.StartsWith("10\t", StringComparison.Ordinal));
        string WithRows(string rows) => string.Join("\n", lines.Take(tableEnd + 1)) + "\n" + rows + "\n" + string.Join("\n", lines.Skip(tableEnd + 1));
        return
        [
            ("seed.txt", Encoding.UTF8.GetBytes(seed)),
            ("empty-rows.csv", Encoding.UTF8.GetBytes(csvHeader + string.Concat(Enumerable.Repeat(",,,,,\n", 150_000)))),
            ("empty-tasks.json", Encoding.UTF8.GetBytes("{\"number\":\"1/KH\",\"title\":\"t\",\"issuer\":\"i\",\"issuedOn\":\"2022-12-21\",\"year\":2023,\"tasks\":["
                + string.Join(",", Enumerable.Repeat("{}", 1_600_000)) + "]}")),
            ("bomb.docx", Docx(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Sở Nội vụ</w:t></w:r></w:p>", 3_000_000)))),
            ("deep.yaml", Encoding.UTF8.GetBytes("tasks: " + new string('[', 200_000))),
            ("long-reference.txt", Encoding.UTF8.GetBytes(seed.Replace("\nII. NỘI DUNG",
                "\nKế hoạch số 1/KH ngày 01/01/2023 của A" + string.Concat(Enumerable.Repeat(" về x", 20_000)) + "\nII. NỘI DUNG", StringComparison.Ordinal))),
            ("long-agency-lists.txt", Encoding.UTF8.GetBytes(WithRows(Rows(_ => string.Concat(Enumerable.Repeat("Sở Nội vụ, ", 720)).TrimEnd(' ', ',')[..7_900])))),
            // Just under every bound: 400 rows of 150 different unknown names each (60,000 names to look up).
            ("unknown-names.txt", Encoding.UTF8.GetBytes(WithRows(Rows(k => string.Join(", ", Enumerable.Range(0, 150).Select(i => $"Cơ quan {k}-{i}")))))),
            // A workbook whose sheet unpacks to 60 MB of empty cells, and one whose 2,000 task rows lie under 50,000 copies of one merge.
            ("bomb.xlsx", Xlsx(string.Concat(Enumerable.Repeat("<c/>", 15_000_000)))),
            ("merges.xlsx", OverlappingMerges()),
        ];
    }

    private static byte[] Docx(string body)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>");
        }
        return buffer.ToArray();
    }

    private static byte[] Xlsx(string cells)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + cells + "</row></sheetData></worksheet>");
        }
        return buffer.ToArray();
    }

    private static byte[] OverlappingMerges()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            static DocumentFormat.OpenXml.Spreadsheet.Cell Text(string reference, string text) => new()
            {
                CellReference = reference, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
            };
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData(new DocumentFormat.OpenXml.Spreadsheet.Row(
                Text("A1", "STT"), Text("B1", "Nội dung"), Text("C1", "Cơ quan thực hiện")) { RowIndex = 1 });
            for (var r = 2; r <= 2001; r++)
            {
                data.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Row(Text($"A{r}", $"{r - 1}"), Text($"B{r}", $"Việc {r - 1}"), Text($"C{r}", "Sở Nội vụ"))
                {
                    RowIndex = (uint)r,
                });
            }
            var merges = new DocumentFormat.OpenXml.Spreadsheet.MergeCells(Enumerable.Range(0, 50_000).Select(_ => new DocumentFormat.OpenXml.Spreadsheet.MergeCell { Reference = "C2:C2001" }));
            var part = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data, merges);
            workbook.Workbook.Sheets!.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Kế hoạch" });
        }
        return stream.ToArray();
    }

    private static void Line(TextWriter output, string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));
}
