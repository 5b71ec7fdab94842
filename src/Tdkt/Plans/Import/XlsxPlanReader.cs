using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan kept as a workbook (.xlsx, as Excel and LibreOffice write it) into the blocks a published plan is read
/// from: the sheet's rows in order, numbered as the spreadsheet numbers them. Above the task table a lone cell (the
/// heading, the title, a merged banner) is a paragraph and a row of several cells is a layout row (the issuer and the
/// motto, the number and the date); from the table's header row on every row is a table row, until "Nơi nhận". A merged
/// cell gives its text to its first cell; the rows below it in a vertical merge repeat it, marked as continued. Dates are
/// written dd/MM/yyyy, numbers as written. One sheet: a workbook with several visible sheets holding text is refused, so
/// no task is read from the wrong one or left out.
/// </summary>
public static partial class XlsxPlanReader
{
    /// <summary>The widest sheet read (a plan's table has up to ten columns).</summary>
    public const int MaxColumns = 64;

    /// <summary>The most rows with text a sheet may hold (a 5,000-task plan with its quarter rows is well under it).</summary>
    public const int MaxRows = 20_000;

    public static IReadOnlyList<PlanBlock> Read(ReadOnlyMemory<byte> content, string file)
    {
        var bytes = content.ToArray();
        OpenXmlPackages.CheckUnpackedSize(bytes, file, ".xlsx", "bảng tính Excel");
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var dates = new DateCells(DateStyles(workbook.WorkbookStylesPart?.Stylesheet), workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true);
            var sheets = new List<(string Name, SheetRead Read)>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.State?.Value is { } state && state != SheetStateValues.Visible
                    || sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                var read = ReadSheet(part, strings, dates, file);
                if (read.Grid.Count > 0)
                {
                    sheets.Add((sheet.Name?.Value ?? "", read));
                }
            }
            if (sheets.Count > 1)
            {
                throw Rejected(file, $"Tệp .xlsx có {sheets.Count} trang tính có nội dung ({string.Join(", ", sheets.Select(s => $"“{s.Name}”"))}): "
                    + "để cả kế hoạch trong một trang tính (hoặc ẩn, xóa các trang khác) rồi nhập lại.");
            }
            return sheets.Count == 0 ? [] : [.. Blocks(sheets[0].Read.Grid, sheets[0].Read.Merges, file)
                .Select(b => b with { Where = $"trang tính “{sheets[0].Name}”, dòng {b.Line.ToString(CultureInfo.InvariantCulture)}" })];
        }
        catch (XmlException ex)
        {
            throw Rejected(file, ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "Tệp .xlsx chứa khai báo DTD: không được phép vì lý do an toàn. Lưu lại bảng tính bằng Excel hoặc LibreOffice rồi nhập lại."
                : $"Tệp .xlsx bị hỏng: một phần không đọc được (dòng {ex.LineNumber}, cột {ex.LinePosition} của XML). Mở bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại.");
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException or InvalidOperationException)
        {
            throw Rejected(file, "Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.");
        }
    }

    /// <summary>One sheet as read: its text cells (row number → column → text, rows without text left out) and its merged ranges.</summary>
    private sealed record SheetRead(SortedDictionary<int, Dictionary<int, string>> Grid, List<(int Top, int Left, int Bottom, int Right)> Merges);

    /// <summary>
    /// Reads a sheet in one streaming pass (only a cell or a merge at a time is built as an element), so a sheet of many
    /// merges costs what reading them costs; merges past what the used area can hold without overlapping are refused as they come.
    /// </summary>
    private static SheetRead ReadSheet(WorksheetPart part, List<string> strings, DateCells dates, string file)
    {
        var grid = new SortedDictionary<int, Dictionary<int, string>>();
        var merges = new List<(int Top, int Left, int Bottom, int Right)>();
        var (rowNumber, nextRow, nextColumn, widest, lastRow) = (0, 1, 0, 0, 0);
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }
            if (reader.ElementType == typeof(Row))
            {
                var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                rowNumber = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : nextRow;
                (nextRow, nextColumn) = (rowNumber + 1, 0);
            }
            else if (reader.ElementType == typeof(Cell))
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var column = cell.CellReference?.Value is { } reference && Position(reference) is { } at ? at.Column : nextColumn;
                nextColumn = column + 1;
                var text = ValueOf(cell, strings, dates).Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                if (column >= MaxColumns)
                {
                    throw Rejected(file, $"Ô {cell.CellReference?.Value} nằm ngoài {MaxColumns} cột đầu của trang tính: bảng kế hoạch không rộng như vậy; xóa cột thừa rồi nhập lại.");
                }
                if (!grid.TryGetValue(rowNumber, out var cells))
                {
                    if (grid.Count == MaxRows)
                    {
                        throw Rejected(file, $"Trang tính có hơn {MaxRows.ToString("N0", VietnameseText.Culture)} dòng có chữ: không phải một kế hoạch bình thường.");
                    }
                    grid[rowNumber] = cells = [];
                }
                cells[column] = text;
                widest = Math.Max(widest, column + 1);
                lastRow = Math.Max(lastRow, rowNumber);
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                // A merge wholly outside the cells with text (a template's empty rows) changes nothing read.
                if (merge.Reference?.Value?.Split(':') is [var from, var to] && Position(from) is { } a && Position(to) is { } b && b.Row >= a.Row && a.Row > 0
                    && a.Row <= lastRow && a.Column < widest)
                {
                    merges.Add((a.Row, a.Column, b.Row, b.Column));
                }
                // Each merge covers two cells or more: more of them in the used area than half its cells overlap.
                if (merges.Count > ((long)widest * lastRow / 2) + 64)
                {
                    throw Rejected(file, MergesOverlap);
                }
            }
        }
        return new SheetRead(grid, merges);
    }

    private const string MergesOverlap =
        "Trang tính có các ô gộp chồng lên nhau quá nhiều: không phải một kế hoạch bình thường. Mở bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại.";

    private static List<PlanBlock> Blocks(SortedDictionary<int, Dictionary<int, string>> grid, List<(int Top, int Left, int Bottom, int Right)> merges, string file)
    {
        var width = Math.Min(MaxColumns, grid.Values.Max(r => r.Keys.Max()) + 1);
        // Below the first row of a vertical merge, each column of it repeats the merge's text, marked as continued.
        // Only down to the last row with text: a merge that runs to the sheet's end adds nothing below it.
        var continued = new Dictionary<(int Row, int Column), string>();
        var last = grid.Keys.Max();
        // Merges that do not overlap cover at most every cell of the sheet's used area once.
        var (spanned, bound) = (0L, (long)width * last);
        foreach (var (top, left, bottom, _) in merges.Where(m => m.Bottom > m.Top && m.Left < width && m.Top < last))
        {
            var text = grid.TryGetValue(top, out var first) ? first.GetValueOrDefault(left, "") : "";
            for (var row = top + 1; row <= Math.Min(bottom, last); row++)
            {
                // Merges do not overlap in a sheet Excel or Calc wrote; crafted ones that do are refused before they cost much.
                if (++spanned > bound)
                {
                    throw Rejected(file, MergesOverlap);
                }
                continued[(row, left)] = text;
                if (!grid.ContainsKey(row))
                {
                    grid[row] = [];
                }
            }
        }
        var rows = grid.Select(r => (Number: r.Key, Cells: r.Value, Own: r.Value.OrderBy(c => c.Key).Select(c => c.Value).ToList())).ToList();
        bool Lone(int i) => rows[i].Own.Count == 1;
        var blocks = new List<PlanBlock>();
        var inTable = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var (number, cells, own) = rows[i];
            if (own.Count > 0 && own[0].StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
            {
                // The signature block: its cells are the document's closing paragraphs, whatever follows.
                inTable = false;
                blocks.AddRange(own.Select(t => new PlanBlock.Paragraph(number, t)));
                continue;
            }
            var texts = Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault(c, "")).ToList();
            if (!inTable && PlanTableColumns.Detect(texts) is not null)
            {
                inTable = true;
            }
            // In the table a lone cell is a quarter or section row when tasks follow it; else the table has ended.
            if (inTable && Lone(i) && !PlanTableReader.IsQuarterRow(own[0]) && !(i + 1 < rows.Count && (!Lone(i + 1) || PlanTableReader.IsQuarterRow(rows[i + 1].Own[0]))))
            {
                inTable = false;
            }
            if (!inTable)
            {
                // Outside the table a merge is layout: its text once, where it starts.
                if (own.Count > 0)
                {
                    blocks.Add(Lone(i) && !PlanTableReader.IsQuarterRow(own[0]) ? new PlanBlock.Paragraph(number, own[0]) : new PlanBlock.Row(number, texts));
                }
                continue;
            }
            var marks = Enumerable.Range(0, width).Select(c => !cells.ContainsKey(c) && continued.ContainsKey((number, c))).ToList();
            blocks.Add(new PlanBlock.Row(number, [.. texts.Select((t, c) => marks[c] ? continued[(number, c)] : t)]) { Continued = marks });
        }
        return blocks;
    }

    /// <summary>A cell's text as the sheet shows it: shared or inline strings, cached formula results, dates as dd/MM/yyyy.</summary>
    private static string ValueOf(Cell cell, List<string> strings, DateCells dates)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Count ? strings[index] : "";
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : raw;
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        if (type == CellValues.String || type == CellValues.Error)
        {
            return raw;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }
        if (cell.StyleIndex?.Value is { } style && dates.Styles.Contains(style) && number is >= 1 and < 2958466)
        {
            // Day numbers count from 30/12/1899 (from 01/01/1904 in a workbook made with the 1904 date system).
            var epoch = dates.From1904 ? new NodaTime.LocalDate(1904, 1, 1) : new NodaTime.LocalDate(1899, 12, 30);
            return epoch.PlusDays((int)Math.Floor(number)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }
        return number.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>A rich or plain string's text (its runs), leaving out phonetic guides.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.ChildElements.Select(e => e switch
        {
            Text t => t.Text,
            Run run => run.Text?.Text ?? "",
            _ => "",
        })).ReplaceLineEndings("\n");

    /// <summary>The cell formats that show a number as a date: built-in date formats and custom ones with days or years.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var styles = new HashSet<uint>();
        uint index = 0;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58
                || custom.TryGetValue(id, out var code) && DateCode().IsMatch(Literals().Replace(code, "")))
            {
                styles.Add(index);
            }
            index++;
        }
        return styles;
    }

    /// <summary>"C12" → row 12, column 2.</summary>
    private static (int Row, int Column)? Position(string reference)
    {
        var match = CellReference().Match(reference);
        if (!match.Success)
        {
            return null;
        }
        var column = 0;
        foreach (var letter in match.Groups["c"].Value.ToUpperInvariant())
        {
            column = (column * 26) + (letter - 'A' + 1);
        }
        return int.TryParse(match.Groups["r"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (row, column - 1) : null;
    }

    private static InputRejectedException Rejected(string file, string message) => new([new InputError(file, null, "file", message)]);

    /// <summary>Which cell formats show a number as a date, and the workbook's date system.</summary>
    private sealed record DateCells(HashSet<uint> Styles, bool From1904);

    [GeneratedRegex(@"^\$?(?<c>[A-Za-z]{1,3})\$?(?<r>[0-9]{1,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex CellReference();


    [GeneratedRegex(@"[dDyY]", RegexOptions.CultureInvariant)]
    private static partial Regex DateCode();

    /// <summary>A number format's quoted text, escaped characters and [colour]/[locale] sections, which are not date parts.</summary>
    [GeneratedRegex(@"""[^""]*""|\\.|\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Literals();
}
