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

/// <summary>Bounds on a published plan's blocks, checked before any parsing, so no rule ever runs on unbounded text.</summary>
public static class PlanBlocks
{
    /// <summary>The longest paragraph or table cell read (the sample plan's longest is under 500 characters).</summary>
    public const int MaxTextLength = 8_000;

    /// <summary>Throws <see cref="Input.InputRejectedException"/> naming every paragraph or cell longer than <see cref="MaxTextLength"/>.</summary>
    public static void Check(IReadOnlyList<PlanBlock> blocks, string file)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var errors = new List<Input.InputError>();
        foreach (var block in blocks)
        {
            var (field, length) = block switch
            {
                PlanBlock.Paragraph p => ("paragraph", p.Text.Length),
                PlanBlock.Row r => ("cell", r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Length)),
                _ => ("", 0),
            };
            if (length > MaxTextLength)
            {
                errors.Add(new Input.InputError(file, block.Line, field,
                    $"{(field == "cell" ? "Ô bảng" : "Đoạn văn")} dài {length.ToString("N0", Input.VietnameseText.Culture)} ký tự, vượt giới hạn "
                    + $"{MaxTextLength.ToString("N0", Input.VietnameseText.Culture)} ký tự: tách thành nhiều nhiệm vụ hoặc rút gọn."));
            }
        }
        if (errors.Count > 0)
        {
            throw new Input.InputRejectedException(errors);
        }
    }
}
