namespace Tdkt.Plans.Import;

/// <summary>
/// A published plan as a sequence of paragraphs and table rows, whatever file it came in. <see cref="Line"/>
/// is the line number in a text file, or the ordinal of the paragraph or table row in a .docx.
/// </summary>
public abstract record PlanBlock(int Line)
{
    /// <summary>Where a person finds it, in Vietnamese: "trang 2, dòng 14" (PDF), "bảng 1, dòng 5" (.docx), "trang tính “KH”, dòng 12"; null for a text file's line.</summary>
    public string? Where { get; init; }

    public sealed record Paragraph(int Line, string Text) : PlanBlock(Line);

    /// <summary>A table row, its cells spread over the table's grid columns (a cell spanning three columns is three cells).</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Cells) : PlanBlock(Line)
    {
        /// <summary>Per cell: whether it continues a merged cell of the row above (its text repeats that cell's).</summary>
        public IReadOnlyList<bool> Continued { get; init; } = [];

        /// <summary>Whether cell <paramref name="column"/> continues a merged cell of the row above.</summary>
        public bool Continues(int column) => column < Continued.Count && Continued[column];
    }
}
