using Tdkt.Agencies;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>Reads a plan file in any supported format and validates it against the agency directory.</summary>
public static class PlanImporter
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static PlanFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" or ".text" or ".md" => PlanFormat.PublishedText,
        ".docx" => PlanFormat.Docx,
        ".yaml" or ".yml" => PlanFormat.Yaml,
        ".json" => PlanFormat.Json,
        ".csv" => PlanFormat.Csv,
        ".pdf" => PlanFormat.Pdf,
        ".xlsx" => PlanFormat.Xlsx,
        _ => null,
    };

    /// <summary>
    /// Reads and validates a plan file. <paramref name="overrides"/> are the number, issuer and date of issue the
    /// administrator gives: they replace what the file says, or fill in what it lacks.
    /// </summary>
    public static PlanBuildResult Import(ReadOnlyMemory<byte> content, string fileName, AgencyDirectory directory, PlanFormat? format = null, PlanReference? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var file = Path.GetFileName(fileName);
        List<InputError> errors = [];
        if (content.Length > MaxBytes)
        {
            return Rejected(new InputError(file, null, "file",
                $"Tệp dài {content.Length / 1024.0 / 1024.0:0.0} MB, vượt giới hạn {MaxBytes / 1024 / 1024} MB."));
        }
        if (Unreadable(content.Span, Path.GetExtension(fileName).ToLowerInvariant()) is { } advice)
        {
            return Rejected(new InputError(file, null, "file", advice));
        }
        if ((format ?? FormatOf(fileName)) is not { } kind)
        {
            return Rejected(new InputError(file, null, "file",
                "Không nhận ra định dạng tệp: dùng .txt (văn bản kế hoạch), .docx, .pdf, .xlsx, .yaml, .json hoặc .csv."));
        }

        RawPlan? raw;
        try
        {
            raw = kind switch
            {
                PlanFormat.Docx => Published(DocxPlanReader.Read(content, file), file, directory),
                PlanFormat.Pdf => Published(PdfPlanReader.Read(content, file), file, directory),
                PlanFormat.Xlsx => Published(XlsxPlanReader.Read(content, file), file, directory),
                PlanFormat.PublishedText => Published(PublishedTextReader.Read(TextDecoder.Decode(content.Span, file)), file, directory),
                PlanFormat.Yaml => CanonicalPlan.FromYaml(TextDecoder.Decode(content.Span, file), file, errors),
                PlanFormat.Json => CanonicalPlan.FromJson(TextDecoder.Decode(content.Span, file), file, errors),
                PlanFormat.Csv => PlanCsv.Read(TextDecoder.Decode(content.Span, file), file, errors),
                _ => null,
            };
        }
        catch (InputRejectedException ex)
        {
            return new PlanBuildResult(null, InputError.Capped(ex.Errors, file));
        }
        if (raw is null || errors.Count > 0)
        {
            return new PlanBuildResult(null, InputError.Capped(errors, file));
        }
        if (overrides is not null)
        {
            raw = raw with
            {
                Number = overrides.Number ?? raw.Number,
                Issuer = overrides.Issuer ?? raw.Issuer,
                IssuedOn = overrides.IssuedOn ?? raw.IssuedOn,
                Year = raw.Year ?? PlanReferences.YearIssuedFor(overrides.IssuedOn),
            };
        }
        var built = PlanBuilder.Build(raw, directory, file);
        // In a .docx, PDF or workbook an error says the page and row (or sheet and row) a person looks at.
        var placed = raw.Places.Count == 0 ? built.Errors
            : [.. built.Errors.Select(e => e.Line is { } line && raw.Places.TryGetValue(line, out var where) ? e with { Where = where } : e)];
        return built with { Errors = InputError.Capped(placed, file) };
    }

    /// <summary>
    /// What to do with a format people do keep plans in but the importer does not read: the Office 97-2003 files (an OLE
    /// compound file, whatever its name says) and the OpenDocument and RTF ones, each saved again as what is read.
    /// </summary>
    private static string? Unreadable(ReadOnlySpan<byte> content, string extension) => (IsOle(content) || extension is ".doc" or ".xls", extension) switch
    {
        (true, ".xls") => "Tệp Excel 97-2003 (.xls) không đọc được: mở bằng Excel hoặc LibreOffice, chọn Lưu thành (Save As) "
            + "và lưu lại dưới dạng .xlsx, rồi nhập tệp .xlsx đó.",
        (true, _) => "Tệp Word 97-2003 (.doc) không đọc được: mở bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) "
            + "và lưu lại dưới dạng .docx, rồi nhập tệp .docx đó.",
        (false, ".odt" or ".rtf") => $"Tệp {extension} không đọc được: mở bằng LibreOffice hoặc Word, chọn Lưu thành (Save As) "
            + "và lưu lại dưới dạng .docx, rồi nhập tệp .docx đó.",
        (false, ".ods") => "Tệp .ods không đọc được: mở bằng LibreOffice hoặc Excel, chọn Lưu thành (Save As) "
            + "và lưu lại dưới dạng .xlsx, rồi nhập tệp .xlsx đó.",
        _ => null,
    };

    /// <summary>An OLE compound file (Word 97-2003 .doc, Excel 97-2003 .xls), whatever its name says.</summary>
    private static bool IsOle(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static RawPlan Published(IReadOnlyList<PlanBlock> blocks, string file, AgencyDirectory directory)
    {
        PlanBlocks.Check(blocks, file);
        return PublishedPlanParser.Parse(blocks, directory);
    }

    private static PlanBuildResult Rejected(InputError error) => new(null, [error]);
}
