using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan kept as a Word document: body paragraphs and table rows, in order. A cell's paragraphs
/// (a list inside the cell) are joined with spaces, as the published text writes them on one line.
/// </summary>
public static class DocxPlanReader
{
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
