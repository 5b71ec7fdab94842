using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tdkt.Tests.Plans.Corpus;

/// <summary>
/// A corpus document as Word writes it: list numbers and bullets from numbering definitions (not in the text), the
/// header in a borderless layout table (every other plan) or as lines, topic rows merged across the table, a supporting
/// agency shared by consecutive tasks in one vertically merged cell, a tracked deletion and insertion and a comment in
/// the first task, and the signature beside "Nơi nhận" in a borderless table.
/// </summary>
public static class CorpusDocx
{
    private const int BulletList = 1;

    /// <param name="elements">The document.</param>
    /// <param name="plan">Its plan (the header's layout alternates with its number).</param>
    /// <param name="revisions">Whether the first task carries a tracked deletion, insertion and comment (a printed PDF would show them).</param>
    public static byte[] Render(IReadOnlyList<CorpusElement> elements, CorpusPlan plan, bool revisions = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "–" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }, new StartNumberingValue { Val = 1 }) { LevelIndex = 0 })
                { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(new Run(new Text("Người soạn: kiểm tra lại thời hạn với Sở Nội vụ."))))
            {
                Id = "1", Author = "Chuyên viên", Initials = "CV",
            });
            var decimalList = 10;
            var firstTask = revisions;
            foreach (var element in elements)
            {
                switch (element)
                {
                    case CorpusHeader h when plan.Number % 2 == 0:
                        body.Append(Borderless(Cell([.. h.Issuer, "-------", h.Number]), Cell(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", h.PlaceAndDate])));
                        break;
                    case CorpusHeader h:
                        foreach (var line in (string[])[.. h.Issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", h.Number, h.PlaceAndDate])
                        {
                            body.Append(Plain(line));
                        }
                        break;
                    case CorpusParagraph { List: CorpusList.Numbered } p:
                        if (p.Ordinal == 1)
                        {
                            // Each roman section numbers its items from 1 again: a list instance that restarts.
                            numbering.Append(new NumberingInstance(new AbstractNumId { Val = 2 },
                                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = ++decimalList });
                        }
                        body.Append(Listed(p.Text, decimalList));
                        break;
                    case CorpusParagraph { List: CorpusList.Bullet } p:
                        body.Append(firstTask ? Revised(p.Text, BulletList) : Listed(p.Text, BulletList));
                        firstTask = false;
                        break;
                    case CorpusParagraph p:
                        body.Append(Plain(p.Text));
                        break;
                    case CorpusTable t:
                        body.Append(TaskTable(t, ref firstTask));
                        break;
                    case CorpusSignature s:
                        body.Append(Borderless(Cell(s.Recipients), Cell(s.Signature)));
                        break;
                }
            }
        }
        return stream.ToArray();
    }

    private static Paragraph Plain(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Listed(string text, int list) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = list })),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>The text with a tracked deletion ("XÓA BỎ ") before it, its second half a tracked insertion, and a comment on it.</summary>
    private static Paragraph Revised(string text, int? list)
    {
        var half = text.IndexOf(' ', text.Length / 2);
        var paragraph = new Paragraph();
        if (list is { } l)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = l })));
        }
        paragraph.Append(
            new CommentRangeStart { Id = "1" },
            new DeletedRun(new Run(new DeletedText("XÓA BỎ ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "Chuyên viên" },
            new Run(new Text(text[..half]) { Space = SpaceProcessingModeValues.Preserve }),
            new InsertedRun(new Run(new Text(text[half..]) { Space = SpaceProcessingModeValues.Preserve })) { Id = "3", Author = "Chuyên viên" },
            new CommentRangeEnd { Id = "1" },
            new Run(new CommentReference { Id = "1" }));
        return paragraph;
    }

    private static TableCell Cell(IEnumerable<string> lines) => new(lines.Select(Plain));

    private static Table Borderless(params TableCell[] cells) =>
        new(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None })),
            new TableGrid(cells.Select(_ => new GridColumn { Width = "4600" })),
            new TableRow(cells));

    private static Table TaskTable(CorpusTable t, ref bool firstTask)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "600" }, new GridColumn { Width = "3800" }, new GridColumn { Width = "1900" }, new GridColumn { Width = "1900" },
                new GridColumn { Width = "1400" }));
        table.Append(new TableRow(t.Head.Select(h => Cell([h]))));
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var row = t.Rows[r];
            if (row.Count == 1)
            {
                table.Append(new TableRow(new TableCell(new TableCellProperties(new GridSpan { Val = t.Head.Count }), Plain(row[0]))));
                continue;
            }
            var cells = new List<TableCell>();
            for (var c = 0; c < row.Count; c++)
            {
                // A supporting agency the same as the row above's is one merged cell.
                var above = r > 0 && t.Rows[r - 1].Count > 1 ? t.Rows[r - 1][c] : null;
                var below = r + 1 < t.Rows.Count && t.Rows[r + 1].Count > 1 ? t.Rows[r + 1][c] : null;
                var merged = c == 3 && row[c].Length > 0;
                if (merged && above == row[c])
                {
                    cells.Add(new TableCell(new TableCellProperties(new VerticalMerge()), new Paragraph()));
                    continue;
                }
                var cell = c == 1 && firstTask ? new TableCell(Revised(row[c], null)) : Cell([row[c]]);
                if (merged && below == row[c])
                {
                    cell.PrependChild(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
                }
                cells.Add(cell);
            }
            firstTask &= false;
            table.Append(new TableRow(cells));
        }
        return table;
    }
}
