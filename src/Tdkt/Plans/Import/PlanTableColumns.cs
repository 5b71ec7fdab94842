using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Where a plan table keeps each field, found from its header cells rather than by position: "TT | Nội dung | Cơ quan
/// thực hiện" (the seed), or "STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Ghi
/// chú", possibly with "Cơ quan thực hiện" over "Chủ trì | Phối hợp" in a second header row.
/// </summary>
public sealed record PlanTableColumns(int Number, int Content, int? Agencies, int? Lead, int? Support, int? Time)
{
    /// <summary>A table with no header row: the seed's order.</summary>
    public static readonly PlanTableColumns Positional = new(0, 1, 2, null, null, null);

    /// <summary>The columns a header row names, or null when the row is not a task table's header.</summary>
    public static PlanTableColumns? Detect(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int? number = null, content = null, agencies = null, lead = null, support = null, time = null;
        for (var i = 0; i < cells.Count; i++)
        {
            // A header cell is short: long cells (task text) are not folded at all, on every row of a long table.
            var cell = cells[i].Length > MaxHeaderCell ? "" : Folded(cells[i]);
            if (cell.Length == 0 || cell.Length > 80)
            {
                continue;
            }
            // A narrow number column breaks its header: "ST" over "T" reads "st t".
            if (number is null && cell.Replace(" ", "", StringComparison.Ordinal) is "tt" or "stt" or "sott" or "sothutu")
            {
                number = i;
            }
            else if (content is null && StartsWithAny(cell, "noi dung", "nhiem vu", "ten nhiem vu", "cong viec", "ten cong viec", "hoat dong"))
            {
                content = i;
            }
            else if (cell.Contains("chu tri", StringComparison.Ordinal))
            {
                lead ??= i;
            }
            else if (cell.Contains("phoi hop", StringComparison.Ordinal))
            {
                support ??= i;
            }
            else if (StartsWithAny(cell, "thoi gian", "thoi han", "tien do", "han hoan thanh", "moc thoi gian"))
            {
                time ??= i;
            }
            else if (agencies is null && (StartsWithAny(cell, "co quan", "don vi", "trach nhiem", "phan cong") || cell.Contains("thuc hien", StringComparison.Ordinal)))
            {
                agencies = i;
            }
        }
        if (number is null || content is null || (agencies ?? lead) is null)
        {
            return null;
        }
        return new PlanTableColumns(number.Value, content.Value, lead is null ? agencies : null, lead, support, time);
    }

    /// <summary>
    /// A second header row under a merged "Cơ quan thực hiện": its "Chủ trì" and "Phối hợp" cells split that column.
    /// The row's cells line up with the first row's once merged cells are spread over their grid columns.
    /// </summary>
    public PlanTableColumns? Refine(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int? lead = null, support = null;
        var other = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i].Length > MaxHeaderCell ? "x" : Folded(cells[i]);
            if (cell.Contains("chu tri", StringComparison.Ordinal))
            {
                lead ??= i;
            }
            else if (cell.Contains("phoi hop", StringComparison.Ordinal))
            {
                support ??= i;
            }
            else if (cell.Length > 0 && !IsHeaderWord(cell))
            {
                other++;
            }
        }
        return lead is null || other > 0 ? null : this with { Agencies = null, Lead = lead, Support = support };
    }

    /// <summary>The longest cell read as a possible header cell (HTML markup included).</summary>
    private const int MaxHeaderCell = 160;

    private static bool IsHeaderWord(string cell) =>
        cell.Replace(" ", "", StringComparison.Ordinal) is "tt" or "stt" || StartsWithAny(cell, "noi dung", "nhiem vu", "co quan", "don vi", "thoi gian", "thoi han", "ghi chu", "san pham");

    private static bool StartsWithAny(string text, params string[] prefixes) =>
        prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));

    private static string Folded(string cell) => VietnameseText.Fold(PublishedPlanParser.Strip(cell)).Trim('.', ':', ' ');
}
