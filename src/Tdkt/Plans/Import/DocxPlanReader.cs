using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan kept as a Word document: body paragraphs and table rows, in order. A cell's paragraphs
/// (a list inside the cell) are joined with spaces, as the published text writes them on one line.
/// </summary>
public static class DocxPlanReader
{
    /// <summary>The most a part of the document may hold once unpacked (a 26-task plan's document.xml is well under 1 MB).</summary>
    public const long MaxPartBytes = 16 * 1024 * 1024;

    /// <summary>The most the whole document may hold once unpacked.</summary>
    public const long MaxUnpackedBytes = 48 * 1024 * 1024;

    public const int MaxParts = 1_000;

    /// <summary>
    /// Reads the document after checking what it unpacks to (a small file that unpacks to gigabytes is refused before
    /// it is opened); a damaged package or part, or a part carrying a DTD, is refused with a message naming it.
    /// </summary>
    public static IReadOnlyList<PlanBlock> Read(ReadOnlyMemory<byte> content, string file)
    {
        var bytes = content.ToArray();
        CheckUnpackedSize(bytes, file);
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

    private static void CheckUnpackedSize(byte[] bytes, string file)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
            {
                throw Rejected(file, $"Tệp .docx có {zip.Entries.Count} phần, vượt giới hạn {MaxParts}: không phải một kế hoạch bình thường.");
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // Counted while unpacking, not taken from the header, which a crafted file can understate.
                long size = 0;
                using var part = entry.Open();
                for (int read; (read = part.Read(buffer)) > 0;)
                {
                    size += read;
                    total += read;
                    if (size > MaxPartBytes || total > MaxUnpackedBytes)
                    {
                        throw Rejected(file, $"Tệp .docx giải nén ra quá lớn (phần {entry.FullName} vượt {MaxPartBytes / 1024 / 1024} MB hoặc cả tệp vượt "
                            + $"{MaxUnpackedBytes / 1024 / 1024} MB): không phải một kế hoạch bình thường.");
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Rejected(file, "Tệp .docx bị hỏng hoặc không phải tài liệu Word.");
        }
    }

    private static InputRejectedException Rejected(string file, string message) => new([new InputError(file, null, "file", message)]);

    public static IReadOnlyList<PlanBlock> Read(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The document has no body.");
        var blocks = new List<PlanBlock>();
        var ordinal = 0;
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    ordinal++;
                    var text = TextOf(paragraph);
                    if (text.Length > 0)
                    {
                        blocks.Add(new PlanBlock.Paragraph(ordinal, text));
                    }
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        ordinal++;
                        var cells = row.Elements<TableCell>()
                            .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(TextOf).Where(t => t.Length > 0)))
                            .ToList();
                        if (cells.Any(c => c.Length > 0))
                        {
                            blocks.Add(new PlanBlock.Row(ordinal, cells));
                        }
                    }
                    break;
            }
        }
        return blocks;
    }

    private static string TextOf(OpenXmlElement paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            TabChar => " ",
            Break => " ",
            _ => "",
        }));
}
