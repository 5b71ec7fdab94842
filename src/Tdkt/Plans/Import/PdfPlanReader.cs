using System.Text.RegularExpressions;
using Tdkt.Input;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan published as a PDF with a text layer: words are grouped into lines by position; from a task table's
/// header line (found by its cells, <see cref="PlanTableColumns"/>) the columns are where its cells start, and each
/// later line becomes a row of those columns (a line without a number continues the row above, as across a page
/// break); the header repeated on each page is read again. Outside tables, lines are joined into paragraphs, and a
/// line of separate blocks (a header laid out in two columns) is written with "|" between them.
/// </summary>
public static partial class PdfPlanReader
{
    public static IReadOnlyList<PlanBlock> Read(ReadOnlyMemory<byte> content, string file)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Rejected(file, "Tệp PDF bị hỏng hoặc không phải PDF: mở bằng trình đọc PDF để kiểm tra, hoặc nhập bản .docx của văn bản.");
        }
        using (document)
        {
            if (document.NumberOfPages > MaxPages)
            {
                throw Rejected(file, $"Tệp PDF có {document.NumberOfPages} trang, vượt giới hạn {MaxPages} trang.");
            }
            var lines = new List<Line>();
            try
            {
                foreach (var page in document.GetPages())
                {
                    lines.AddRange(ItemsOf(page));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not InputRejectedException)
            {
                throw Rejected(file, "Tệp PDF bị hỏng: không đọc được nội dung trang. Mở bằng trình đọc PDF để kiểm tra, hoặc nhập bản .docx của văn bản.");
            }
            if (!lines.Any(l => l.Words.Any(w => w.Text.Any(char.IsLetter))))
            {
                throw Rejected(file, "Tệp PDF không có lớp chữ (có lẽ là bản quét): không đọc được nội dung. "
                    + "Dùng bản .docx hoặc bản PDF xuất từ Word/LibreOffice, hoặc nhận dạng chữ (OCR) trước khi nhập.");
            }
            return Blocks(JoinRowsSplitAcrossPages(lines));
        }
    }

    /// <summary>
    /// A row a word processor let break across a page comes back as two: the end of it on the page, and the rest at the
    /// top of the next page, under the repeated header, without a number. The rest is joined to it cell by cell, as the
    /// lines of one cell wrap ("Sở" + "Giáo dục và Đào tạo"), not read as another row.
    /// </summary>
    private static List<Line> JoinRowsSplitAcrossPages(List<Line> lines)
    {
        string? header = null;
        int? last = null;
        var firstOnPage = true;
        var page = 0;
        var result = new List<Line>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Cells is not { } cells)
            {
                result.Add(line);
                continue;
            }
            if (line.Page != page)
            {
                (page, firstOnPage) = (line.Page, true);
            }
            var key = string.Join("\u001f", cells);
            header ??= key;
            if (key == header)
            {
                result.Add(line);
                continue;
            }
            if (firstOnPage && cells[0].Length == 0 && last is { } previous && result[previous].Page == line.Page - 1
                && result[previous].Cells!.Length == cells.Length)
            {
                var above = result[previous];
                result[previous] = above with
                {
                    Cells = [.. above.Cells!.Zip(cells, (a, b) => a.Length == 0 ? b : b.Length == 0 ? a : a + " " + b)],
                };
                firstOnPage = false;
                continue;
            }
            firstOnPage = false;
            last = result.Count;
            result.Add(line);
        }
        return result;
    }

    public const int MaxPages = 2_000;

    private sealed record Word(string Text, double Left, double Right);

    /// <summary>A line of words outside a ruled table, or (with <see cref="Cells"/>) a row of one, read from its rules.</summary>
    private sealed record Line(int Page, double Top, double Height, IReadOnlyList<Word> Words)
    {
        public string[]? Cells { get; init; }

        public IReadOnlyList<bool> Continued { get; init; } = [];

        public double Left => Words[0].Left;

        public string Text => string.Join(" ", Words.Select(w => w.Text));
    }

    /// <summary>
    /// A page, top to bottom: the rows of a table drawn with rules (cells from the rules' grid: a cell's lines wrap or
    /// break as its width says), and the other words as lines.
    /// </summary>
    private static IEnumerable<Line> ItemsOf(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).Select(w => (w.BoundingBox, Text: w.Text)).ToList();
        var rules = Rules(page);
        var (rows, columns) = (rules.Rows, rules.Columns);
        if (rows.Count < 2 || columns.Count < 2)
        {
            return LinesOf(page, words);
        }
        bool Inside(UglyToad.PdfPig.Core.PdfRectangle box) =>
            box.Centroid.Y < rows[0] && box.Centroid.Y > rows[^1] && box.Centroid.X > columns[0] && box.Centroid.X < columns[^1];
        var items = LinesOf(page, words.Where(w => !Inside(w.BoundingBox)).ToList()).ToList();
        var bands = rows.Count - 1;
        var width = columns.Count - 1;
        // Each grid cell's owner: the cell it is merged into (up, where no rule separates it from the band above;
        // left, where no rule separates it from the column before), as a word processor's merged cells are drawn.
        var owner = new (int Row, int Column)[bands, width];
        for (var r = 0; r < bands; r++)
        {
            var middle = (rows[r] + rows[r + 1]) / 2;
            for (var c = 0; c < width; c++)
            {
                var centre = (columns[c] + columns[c + 1]) / 2;
                owner[r, c] = c > 0 && !rules.Vertical(columns[c], middle) ? owner[r, c - 1]
                    : r > 0 && !rules.Horizontal(rows[r], centre) ? owner[r - 1, c]
                    : (r, c);
            }
        }
        var byCell = new Dictionary<(int, int), List<(UglyToad.PdfPig.Core.PdfRectangle BoundingBox, string Text)>>();
        foreach (var word in words.Where(w => Inside(w.BoundingBox)))
        {
            var r = Band(rows, word.BoundingBox.Centroid.Y, descending: true);
            var c = Band(columns, word.BoundingBox.Centroid.X, descending: false);
            var cell = owner[r, c];
            (byCell.TryGetValue(cell, out var list) ? list : byCell[cell] = []).Add(word);
        }
        for (var r = 0; r < bands; r++)
        {
            var cells = new string[width];
            var continued = new bool[width];
            for (var c = 0; c < width; c++)
            {
                var (ownRow, ownColumn) = owner[r, c];
                if (ownColumn != c)
                {
                    cells[c] = "";
                    continue;
                }
                var right = columns[Enumerable.Range(c, width - c).LastOrDefault(k => owner[r, k] == owner[r, c]) + 1];
                cells[c] = byCell.TryGetValue((ownRow, ownColumn), out var inCell) ? CellText(LinesOf(page, inCell).ToList(), columns[c], right) : "";
                continued[c] = ownRow != r;
            }
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }
            var height = byCell.Where(k => k.Key.Item1 == r).SelectMany(k => k.Value).Select(w => w.BoundingBox.Height).DefaultIfEmpty(10).Max();
            items.Add(new Line(page.Number, page.Height - rows[r], Math.Max(height, 1), [new Word(cells.First(c => c.Length > 0), columns[0], columns[^1])])
            {
                Cells = cells,
                Continued = continued,
            });
        }
        return items.OrderBy(i => i.Top);
    }

    private static int Band(List<double> edges, double at, bool descending)
    {
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            if (descending ? at <= edges[i] && at >= edges[i + 1] : at >= edges[i] && at <= edges[i + 1])
            {
                return i;
            }
        }
        return edges.Count - 2;
    }

    /// <summary>A cell's lines: joined with a space where the next line's first word would not have fitted (a wrap), else a new line (a paragraph).</summary>
    private static string CellText(List<Line> lines, double left, double right)
    {
        if (lines.Count == 0)
        {
            return "";
        }
        var padding = Math.Max(0, lines.Min(l => l.Words[0].Left) - left);
        var builder = new System.Text.StringBuilder(lines[0].Text);
        for (var i = 1; i < lines.Count; i++)
        {
            var first = lines[i].Words[0];
            var wraps = lines[i - 1].Words[^1].Right + (lines[i].Height * 0.3) + (first.Right - first.Left) > right - padding - 1;
            builder.Append(wraps ? ' ' : '\n').Append(lines[i].Text);
        }
        return builder.ToString();
    }

    /// <summary>A page's rules: the y of its horizontal ones (top first), the x of its vertical ones (left first), and where each runs.</summary>
    private sealed record PageRules(List<double> Rows, List<double> Columns, List<(double At, double From, double To)> Across, List<(double At, double From, double To)> Down)
    {
        /// <summary>Whether a horizontal rule at <paramref name="y"/> runs over <paramref name="x"/>.</summary>
        public bool Horizontal(double y, double x) => Across.Any(r => Math.Abs(r.At - y) <= 1.5 && x >= r.From - 1 && x <= r.To + 1);

        /// <summary>Whether a vertical rule at <paramref name="x"/> runs over <paramref name="y"/>.</summary>
        public bool Vertical(double x, double y) => Down.Any(r => Math.Abs(r.At - x) <= 1.5 && y >= r.From - 1 && y <= r.To + 1);
    }

    private static PageRules Rules(Page page)
    {
        var across = new List<(double At, double From, double To)>();
        var down = new List<(double At, double From, double To)>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping)
            {
                continue;
            }
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box)
                {
                    continue;
                }
                if (box.Height < 3 && box.Width > 10)
                {
                    across.Add((box.Centroid.Y, box.Left, box.Right));
                }
                else if (box.Width < 3 && box.Height > 5)
                {
                    down.Add((box.Centroid.X, box.Bottom, box.Top));
                }
                else if (box.Width > 10 && box.Height > 5 && path.IsStroked && subpath.IsDrawnAsRectangle)
                {
                    across.AddRange([(box.Top, box.Left, box.Right), (box.Bottom, box.Left, box.Right)]);
                    down.AddRange([(box.Left, box.Bottom, box.Top), (box.Right, box.Bottom, box.Top)]);
                }
            }
        }
        return new PageRules([.. Distinct(across.Select(a => a.At)).OrderDescending()], [.. Distinct(down.Select(d => d.At)).Order()], across, down);

        static IEnumerable<double> Distinct(IEnumerable<double> values)
        {
            double? last = null;
            foreach (var value in values.Order())
            {
                if (last is null || value - last > 1.5)
                {
                    yield return value;
                    last = value;
                }
            }
        }
    }

    /// <summary>Words as lines, top to bottom, each line's words left to right.</summary>
    private static IEnumerable<Line> LinesOf(Page page, List<(UglyToad.PdfPig.Core.PdfRectangle BoundingBox, string Text)> pageWords)
    {
        var words = pageWords.OrderByDescending(w => w.BoundingBox.Bottom).ToList();
        var lines = new List<(double Bottom, double Height, List<(double Left, double Right, string Text)> Words)>();
        foreach (var (box, text) in words)
        {
            var height = Math.Max(box.Height, 1);
            var line = lines.FindLastIndex(l => Math.Abs(l.Bottom - box.Bottom) <= Math.Max(l.Height, height) * 0.4);
            if (line < 0)
            {
                lines.Add((box.Bottom, height, [(box.Left, box.Right, text)]));
            }
            else
            {
                // A line is as tall as its tallest word: a list's dash ("–") alone is a point high, and its gaps are not a line's.
                lines[line].Words.Add((box.Left, box.Right, text));
                lines[line] = lines[line] with { Height = Math.Max(lines[line].Height, height) };
            }
        }
        return lines.Select(l => new Line(page.Number, page.Height - l.Bottom, l.Height,
            [.. l.Words.OrderBy(w => w.Left).Select(w => new Word(VietnameseText.Clean(w.Text), w.Left, w.Right))]));
    }

    /// <summary>Words of a line in blocks: a gap wider than a few spaces separates two blocks (two cells, two columns of a header).</summary>
    private static List<List<Word>> BlocksOf(Line line)
    {
        var blocks = new List<List<Word>> { new() { line.Words[0] } };
        for (var i = 1; i < line.Words.Count; i++)
        {
            if (line.Words[i].Left - line.Words[i - 1].Right > line.Height * 0.9)
            {
                blocks.Add([]);
            }
            blocks[^1].Add(line.Words[i]);
        }
        return blocks;
    }

    private static List<PlanBlock> Blocks(List<Line> lines)
    {
        var blocks = new List<PlanBlock>();
        double[]? columns = null;
        Line? previous = null;
        var paragraph = new List<string>();
        var ordinal = 0;
        var (page, onPage) = (0, 0);
        string? paragraphWhere = null;
        foreach (var line in lines)
        {
            ordinal++;
            (page, onPage) = line.Page == page ? (page, onPage + 1) : (line.Page, 1);
            var where = $"trang {line.Page}, dòng {onPage}";
            if (line.Cells is { } ruled)
            {
                Flush();
                blocks.Add(new PlanBlock.Row(ordinal, ruled) { Continued = line.Continued, Where = where });
                columns = null;
                previous = null;
                continue;
            }
            var parts = BlocksOf(line);
            var texts = parts.Select(p => string.Join(" ", p.Select(w => w.Text))).ToList();
            if (PlanTableColumns.Detect(texts) is not null)
            {
                Flush();
                columns = [.. parts.Select(p => p[0].Left)];
                blocks.Add(new PlanBlock.Row(ordinal, texts) { Where = where });
                previous = line;
                continue;
            }
            if (columns is not null && IsTableLine(line, parts, columns))
            {
                Flush();
                blocks.Add(new PlanBlock.Row(ordinal, CellsOf(line, columns)) { Where = where });
                previous = line;
                continue;
            }
            columns = null;
            var text = parts.Count > 1 && !IsProse(parts) ? string.Join(" | ", texts) : line.Text;
            if (previous is null || StartsParagraph(previous, line, text, paragraph))
            {
                Flush();
            }
            paragraphWhere = paragraph.Count == 0 ? where : paragraphWhere;
            paragraph.Add(text);
            previous = line;
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new PlanBlock.Paragraph(ordinal, string.Join("\n", paragraph)) { Where = paragraphWhere });
                paragraph.Clear();
            }
        }
    }

    /// <summary>Whether a line belongs to the table: blocks in several columns, or one block within a column (a wrapped cell), or a section row.</summary>
    private static bool IsTableLine(Line line, List<List<Word>> parts, double[] columns)
    {
        var tolerance = line.Height;
        if (line.Left < columns[0] - tolerance * 2)
        {
            return false;
        }
        if (parts.Count > 1)
        {
            return true;
        }
        var text = line.Text;
        if (SectionRow().IsMatch(text))
        {
            return true;
        }
        // One block: a wrapped cell stays inside its column; a paragraph after the table runs across columns from the margin.
        var column = Column(line.Left, columns);
        var right = line.Words[^1].Right;
        return column > 0 || (columns.Length > 1 && right < columns[1] + tolerance);
    }

    private static string[] CellsOf(Line line, double[] columns)
    {
        var cells = new List<string>[columns.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = [];
        }
        foreach (var word in line.Words)
        {
            cells[Column(word.Left, columns)].Add(word.Text);
        }
        return [.. cells.Select(c => string.Join(" ", c))];
    }

    private static int Column(double left, double[] columns)
    {
        // Cells are padded: a word belongs to the last column starting at most a little to its right.
        var column = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            if (left >= columns[i] - 4)
            {
                column = i;
            }
        }
        return column;
    }

    /// <summary>Prose spread over the width with wide gaps only from justification, not two separate blocks.</summary>
    private static bool IsProse(List<List<Word>> parts) => parts.Count > 1 && parts.Sum(p => p.Count) > 14 && parts.All(p => p.Count > 3);

    private static bool StartsParagraph(Line previous, Line line, string text, List<string> paragraph)
    {
        var gap = line.Top - previous.Top;
        return line.Page != previous.Page
            || gap > Math.Max(line.Height, previous.Height) * 1.9
            || ParagraphStart().IsMatch(text)
            || IsUpper(text) != IsUpper(paragraph.Count > 0 ? paragraph[^1] : "")
            || (paragraph.Count > 0 && paragraph[^1].TrimEnd().EndsWith(':') && !TimeLabelEnd().IsMatch(paragraph[^1]));
    }

    /// <summary>A line ending in a time's label ("… Thời gian:"), whose value the next line carries: the paragraph goes on.</summary>
    [GeneratedRegex(@"(?:thời gian|thời hạn|hạn|thực hiện|hoàn thành)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeLabelEnd();

    private static bool IsUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static InputRejectedException Rejected(string file, string message) => new([new InputError(file, null, "file", message)]);

    [GeneratedRegex(@"^(?:\d{1,3}\.\s|[IVX]{1,5}\.\s|[-–+•]\s|\(|Nơi nhận|Căn cứ|KẾ HOẠCH|PHỤ LỤC|Kính gửi|Số\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphStart();

    [GeneratedRegex(@"^(?:QUÝ\s+(?:IV|III|II|I)\b|[IVX]{1,5}\.?\s+\p{Lu}{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex SectionRow();
}
