using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan kept as a Word document, as Word and LibreOffice write it: body paragraphs and table rows in order
/// (also inside content controls); merged cells spread over their grid columns; a cell's paragraphs and soft line breaks
/// as lines (one agency per paragraph); and automatic list numbers, which are not in the text, computed from the
/// numbering definitions (<see cref="DocxNumbering"/>).
/// </summary>
public static class DocxPlanReader
{
    /// <summary>
    /// Reads the document after checking what it unpacks to (a small file that unpacks to gigabytes is refused before
    /// it is opened); a damaged package or part, or a part carrying a DTD, is refused with a message naming it.
    /// </summary>
    public static IReadOnlyList<PlanBlock> Read(ReadOnlyMemory<byte> content, string file)
    {
        var bytes = content.ToArray();
        OpenXmlPackages.CheckUnpackedSize(bytes, file, ".docx", "tài liệu Word");
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Read(stream);
        }
        catch (XmlException ex)
        {
            throw Rejected(file, ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "Tệp .docx chứa khai báo DTD trong phần nội dung: không được phép vì lý do an toàn. Lưu lại tài liệu bằng Word hoặc LibreOffice rồi nhập lại."
                : $"Tệp .docx bị hỏng: phần nội dung không đọc được (dòng {ex.LineNumber}, cột {ex.LinePosition} của XML). Mở bằng Word hoặc LibreOffice, lưu lại rồi nhập lại.");
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException or InvalidOperationException)
        {
            throw Rejected(file, "Tệp .docx bị hỏng hoặc không phải tài liệu Word.");
        }
    }

    private static InputRejectedException Rejected(string file, string message) => new([new InputError(file, null, "file", message)]);

    public static IReadOnlyList<PlanBlock> Read(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart;
        var body = main?.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        var numbering = new DocxNumbering(main!);
        var blocks = new List<PlanBlock>();
        var ordinal = 0;
        // Pages are known only where Word saved where it broke them; else a paragraph is counted and a row is in its table.
        var paged = body.Descendants<LastRenderedPageBreak>().Any();
        var (page, paragraphs, tables) = (1, 0, 0);
        ReadBlocks(body.ChildElements);
        return blocks;

        string OnPage(string where) => paged ? $"trang {page}, {where}" : where;

        void CountPages(OpenXmlElement element) =>
            page += element.Descendants<LastRenderedPageBreak>().Count() + element.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page);

        void ReadBlocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        ordinal++;
                        CountPages(paragraph);
                        var text = numbering.TextOf(paragraph);
                        if (text.Trim().Length > 0)
                        {
                            paragraphs++;
                            blocks.Add(new PlanBlock.Paragraph(ordinal, text) { Where = OnPage($"đoạn {paragraphs}") });
                        }
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock content:
                        // A content control (a form field, a cover-page block) holds ordinary paragraphs and tables.
                        ReadBlocks(content.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>());
                        break;
                }
            }
        }

        void ReadTable(Table table)
        {
            // Merged cells: a cell spanning columns (gridSpan) gives its text to the first and blanks to the others; a
            // cell continuing a vertical merge (vMerge) repeats the text that started it, marked as continued.
            var above = new Dictionary<int, string>();
            tables++;
            var rowInTable = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                ordinal++;
                rowInTable++;
                CountPages(row);
                var cells = new List<string>();
                var continued = new List<bool>();
                var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < before; i++)
                {
                    cells.Add("");
                    continued.Add(false);
                }
                foreach (var cell in row.Elements<TableCell>())
                {
                    var properties = cell.TableCellProperties;
                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 64);
                    var merge = properties?.VerticalMerge;
                    var column = cells.Count;
                    string text;
                    bool repeats;
                    if (merge is not null && merge.Val?.Value != MergedCellValues.Restart)
                    {
                        text = above.GetValueOrDefault(column, "");
                        repeats = true;
                    }
                    else
                    {
                        text = string.Join("\n", cell.Elements<Paragraph>().Select(numbering.TextOf).Where(t => t.Trim().Length > 0));
                        repeats = false;
                        above[column] = text;
                    }
                    for (var i = 0; i < span; i++)
                    {
                        cells.Add(i == 0 ? text : "");
                        continued.Add(repeats);
                    }
                }
                if (cells.Any(c => c.Trim().Length > 0))
                {
                    blocks.Add(new PlanBlock.Row(ordinal, cells) { Continued = continued, Where = OnPage($"bảng {tables}, dòng {rowInTable}") });
                }
            }
        }
    }
}
