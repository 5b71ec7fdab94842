using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tdkt.Reports.Official;

/// <summary>
/// The few Word constructs an administrative document needs (Decree 30/2020/NĐ-CP, Appendix I): A4 with its margins,
/// Times New Roman, paragraphs by size and weight, borderless layout tables, ruled tables whose heading row repeats on
/// every printed page, and the page number centred at the top from the second page.
/// </summary>
public sealed class DocxWriter
{
    /// <summary>A4 in twentieths of a point.</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    /// <summary>Margins within the decree's ranges: top and bottom 20 mm, left 30 mm, right 20 mm.</summary>
    public const int Top = 1134, Bottom = 1134, Left = 1701, Right = 1134;

    /// <summary>The width text may take between the margins.</summary>
    public const int TextWidth = PageWidth - Left - Right;

    private readonly List<OpenXmlElement> body = [];

    public void Add(OpenXmlElement element) => body.Add(element);

    /// <summary>A paragraph of one run. Sizes in points; <paramref name="indent"/> is the first-line indent in twips.</summary>
    public static Paragraph Para(string text, double size = 14, bool bold = false, bool italic = false, JustificationValues? align = null,
        int indent = 0, int before = 0, int after = 120, bool keepNext = false, bool highlight = false) =>
        Para([Run(text, size, bold, italic, highlight: highlight)], align, indent, before, after, keepNext);

    public static Paragraph Para(IEnumerable<Run> runs, JustificationValues? align = null, int indent = 0, int before = 0, int after = 120, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }
        properties.Append(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = "276", LineRule = LineSpacingRuleValues.Auto });
        if (indent > 0)
        {
            properties.Append(new Indentation { FirstLine = indent.ToString() });
        }
        properties.Append(new Justification { Val = align ?? JustificationValues.Both });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    public static Run Run(string text, double size = 14, bool bold = false, bool italic = false, bool underline = false, bool highlight = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (italic)
        {
            properties.Append(new Italic());
        }
        if (highlight)
        {
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }
        properties.Append(new FontSize { Val = HalfPoints(size) }, new FontSizeComplexScript { Val = HalfPoints(size) });
        var run = new Run(properties);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>A short centred rule under a heading line, as the decree draws under the body's name and the motto.</summary>
    public static Paragraph Rule(int width) => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
        new SpacingBetweenLines { Before = "0", After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact },
        new Indentation { Left = width.ToString(), Right = width.ToString() }));

    /// <summary>A table without borders that places blocks side by side (the header, the signature); cells hold paragraphs.</summary>
    public static Table Layout(int[] widths, params IEnumerable<OpenXmlElement>[] cells)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa }));
            cell.Append(cells[i]);
            if (!cell.Elements<Paragraph>().Any())
            {
                cell.Append(new Paragraph());
            }
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    /// <summary>
    /// A ruled table at 12 pt: the heading row repeats on every page, no row breaks across pages; the first column is
    /// centred (numbers), the second left, the others centred; a row whose first cell is empty is bold (the total).
    /// Headings are 11 pt, so that narrow figure columns keep their words whole.
    /// </summary>
    public static Table Grid(int[] widths, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows, int leftColumns = 2)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row(widths, headings, heading: true, bold: true, leftColumns));
        foreach (var row in rows)
        {
            table.Append(Row(widths, row, heading: false, bold: row[0].Length == 0, leftColumns));
        }
        return table;
    }

    private static TableRow Row(int[] widths, IReadOnlyList<string> cells, bool heading, bool bold, int leftColumns)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (heading)
        {
            properties.Append(new TableHeader());
        }
        var row = new TableRow(properties);
        for (var i = 0; i < widths.Length; i++)
        {
            var left = !heading && i > 0 && i < leftColumns;
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para(i < cells.Count ? cells[i] : "", heading ? 11 : 12, bold, align: left ? JustificationValues.Left : JustificationValues.Center, after: 0)));
        }
        return row;
    }

    /// <summary>The document: Times New Roman 14 pt in Vietnamese, A4 portrait, page numbers from page 2.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(Run("1", 13)) { Instruction = " PAGE " }));
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            var section = new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = Right, Header = 567, Footer = 567, Gutter = 0 },
                new TitlePage());
            main.Document = new Document(new Body(body.Append(section)));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        const string font = "Times New Roman";
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font },
                new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
