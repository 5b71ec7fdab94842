namespace Tdkt.Plans.Import;

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
