using System.Globalization;
using System.Text.RegularExpressions;
using Tdkt.Agencies;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Understands the layout of a published plan: its heading ("KẾ HOẠCH", or "PHỤ LỤC" for an appendix on its own) and
/// title, its reference (<see cref="PlanReferences"/>), its task tables (<see cref="PlanTableColumns"/>: QUÝ rows or
/// roman-numeral sections, repeated header rows, rows a page or a merged cell split), and dated prose tasks outside the
/// tables (e.g. section III.1 "… gửi về Sở Nội vụ trước ngày 15/01/2023").
/// </summary>
public static partial class PublishedPlanParser
{
    public static RawPlan Parse(IReadOnlyList<PlanBlock> blocks, AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(directory);
        var heading = Heading(blocks);
        var (title, titleLine) = Title(blocks, heading);
        int? year = title is not null && YearIn().Matches(title) is { Count: > 0 } years
            ? int.Parse(years[^1].Value, CultureInfo.InvariantCulture)
            : null;
        var reference = Reference(blocks, heading, year);
        year ??= PlanReferences.YearIssuedFor(reference.IssuedOn);

        var table = new PlanTableReader();
        var body = new PlanBodyReader(directory, year);
        var appendixTables = false;
        foreach (var block in blocks.Skip(heading ?? 0))
        {
            switch (block)
            {
                case PlanBlock.Row row when !body.EndsOrInEndMatter(row):
                    appendixTables |= body.InAppendix;
                    table.Read(row);
                    break;
                case PlanBlock.Paragraph paragraph:
                    body.Read(paragraph);
                    break;
            }
        }
        var tableTasks = table.Tasks();
        var proseTasks = body.Tasks;
        // Body sections and table topics number apart ("III. Tổ chức thực hiện" 1. and the table's topic III, task 1):
        // where they would meet, the appendix's tasks are "PL.III.1", else the body's are "M.III.1".
        var tableKeys = tableTasks.Select(t => PlanTask.KeyFor(t.Number ?? "")).ToHashSet(StringComparer.Ordinal);
        if (proseTasks.Any(t => tableKeys.Contains(PlanTask.KeyFor(t.Number ?? ""))))
        {
            if (appendixTables)
            {
                tableTasks = [.. tableTasks.Select(t => t with { Number = "PL." + t.Number })];
            }
            else
            {
                proseTasks = [.. proseTasks.Select(t => t with { Number = "M." + t.Number })];
            }
        }
        var names = table.Dropped.Count == 0 ? [] : directory.Agencies.SelectMany(a => a.Names).Select(VietnameseText.Fold).Where(n => n.Length >= 3).Distinct().ToList();
        var notRead = body.NotRead.Concat(table.Dropped.Select(r => Unread(r, names, year)).OfType<UnreadLine>())
            .OrderBy(u => u.Line).ToList();
        var places = new Dictionary<int, string>();
        foreach (var block in blocks.Where(b => b.Where is not null))
        {
            places.TryAdd(block.Line, block.Where!);
        }
        return new RawPlan(null, reference.Number, title, reference.Issuer, reference.IssuedOn, year, null, [.. tableTasks, .. proseTasks], titleLine ?? 1)
        {
            SchoolYearStart = title is not null && SchoolYear().Match(title) is { Success: true } school
                && int.Parse(school.Groups["a"].Value, CultureInfo.InvariantCulture) + 1 == int.Parse(school.Groups["b"].Value, CultureInfo.InvariantCulture)
                ? int.Parse(school.Groups["a"].Value, CultureInfo.InvariantCulture) : null,
            NotRead = [.. notRead.Select(u => places.TryGetValue(u.Line, out var where) ? u with { Where = where } : u)],
            Places = places,
        };
    }

    /// <summary>A table row not read as a task, when it names an agency or a deadline: listed, with why.</summary>
    private static UnreadLine? Unread(PlanBlock.Row row, List<string> foldedNames, int? year)
    {
        var text = string.Join(" | ", row.Cells.Select(Strip).Where(c => c.Length > 0));
        var dated = DeadlineRules.FindLabeled(text) is not null || DeadlineRules.FindInContent(text, year ?? 2000, out var error) is not null || error is not null
            || row.Cells.Any(c => Strip(c) is { Length: > 0 and < 60 } cell
                && Recurrence.IsDated(cell, year ?? 2000));
        var folded = VietnameseText.Fold(text);
        var named = foldedNames.Any(key => folded.Contains(key, StringComparison.Ordinal));
        return dated || named
            ? UnreadLine.Of(row.Line, text, "Dòng bảng không có số thứ tự nhiệm vụ hoặc nội dung: không đọc thành nhiệm vụ.")
            : null;
    }

    /// <summary>Where the plan starts: its "KẾ HOẠCH" heading, else a "PHỤ LỤC" (an appendix on its own).</summary>
    private static int? Heading(IReadOnlyList<PlanBlock> blocks)
    {
        int? appendix = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is PlanBlock.Paragraph p)
            {
                var text = Strip(p.Text);
                if (PlanHeading().IsMatch(text))
                {
                    return i;
                }
                if (appendix is null && AppendixHeading().IsMatch(text))
                {
                    appendix = i;
                }
            }
        }
        return appendix;
    }

    /// <summary>The title under the heading ("Công tác thi đua, khen thưởng năm 2024"), over up to three lines, upper case made sentence case.</summary>
    private static (string? Title, int? Line) Title(IReadOnlyList<PlanBlock> blocks, int? heading)
    {
        if (heading is not { } at || blocks[at] is not PlanBlock.Paragraph headingParagraph)
        {
            return (null, null);
        }
        var parts = new List<string>();
        if (PlanHeading().Match(Strip(headingParagraph.Text)) is { Success: true } inline && inline.Groups["title"].Success)
        {
            parts.Add(inline.Groups["title"].Value);
        }
        for (var i = at + 1; i < blocks.Count && parts.Count < 3 && blocks[i] is PlanBlock.Paragraph p; i++)
        {
            var text = Strip(p.Text);
            if (Rule().IsMatch(text) || AppendixHeading().IsMatch(text))
            {
                continue;
            }
            if ((parts.Count > 0 && (text.Length > 160 || TitleEnds().IsMatch(text))) || text.StartsWith('(') || SectionHeading().IsMatch(text))
            {
                if (text.StartsWith('(') && parts.Count == 0)
                {
                    continue;
                }
                break;
            }
            parts.Add(text);
            if (YearIn().IsMatch(text))
            {
                break;
            }
        }
        if (parts.Count == 0)
        {
            return (null, headingParagraph.Line);
        }
        var title = VietnameseText.Clean(string.Join(" ", parts));
        return (title.Any(char.IsLower) ? title : PlanReferences.SentenceCase(title), headingParagraph.Line);
    }

    /// <summary>The plan's header block, else an appendix's "(Kèm theo Kế hoạch số …)", else a citation of it (a cover letter).</summary>
    private static PlanReference Reference(IReadOnlyList<PlanBlock> blocks, int? heading, int? year)
    {
        var before = new List<string>();
        foreach (var block in blocks.Take(heading ?? 0))
        {
            var texts = block switch
            {
                PlanBlock.Paragraph p => [p.Text],
                PlanBlock.Row r => r.Cells,
                _ => [],
            };
            before.AddRange(texts.SelectMany(t => t.Split('\n')).Select(Strip).Where(t => t.Length > 0));
        }
        var reference = PlanReferences.FromHeader(before);
        foreach (var block in blocks)
        {
            if (reference.Number is not null && reference.Issuer is not null && reference.IssuedOn is not null)
            {
                break;
            }
            if (block is PlanBlock.Paragraph p && Strip(p.Text) is var text && text.Contains("Kèm theo", StringComparison.OrdinalIgnoreCase))
            {
                reference = reference.Or(PlanReferences.FromAppendixLine(text));
            }
        }
        foreach (var block in blocks)
        {
            if (reference.Number is not null && reference.Issuer is not null && reference.IssuedOn is not null)
            {
                break;
            }
            if (block is PlanBlock.Paragraph p)
            {
                reference = reference.Or(PlanReferences.FromCitation(Strip(p.Text), year));
            }
        }
        return reference;
    }

    /// <summary>
    /// "- UBND tỉnh. - Sở Nội vụ.", an HTML list, or one paragraph per agency (lines of a .docx cell) becomes
    /// ["UBND tỉnh", "Sở Nội vụ"].
    /// </summary>
    public static IReadOnlyList<string> SplitAgencies(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var html = cell.Contains('<', StringComparison.Ordinal) ? ListItem().Replace(cell, " - ") : cell;
        // A dash starts an item at the start of a line or after an item's end ("- UBND tỉnh. - Sở Nội vụ."); between two
        // words it may be part of a name ("Hội đồng Thi đua - Khen thưởng tỉnh"), which the directory decides (AgencyLookup).
        return html.Split('\n')
            .Select(Strip)
            .SelectMany(line => Bullet().Split(line))
            .SelectMany(item => item.Split(';'))
            .Select(item => item.Trim().Trim('-', '+', '•', '–').TrimEnd('.', ';', ',').Trim())
            .Where(item => item.Length > 0)
            .ToList();
    }

    /// <summary>Removes HTML tags and bold markers, folds white space, and normalises to NFC.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var noTags = text.Contains('<', StringComparison.Ordinal) ? Tag().Replace(text, " ") : text;
        var decoded = noTags.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(noTags) : noTags;
        return VietnameseText.Clean(decoded.Replace("**", "", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?:KẾ HOẠCH|Kế hoạch|Kế Hoạch)$|^KẾ HOẠCH\s+(?!SỐ\b)(?<title>\p{L}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanHeading();

    [GeneratedRegex(@"^PHỤ LỤC(?:\s+(?:số\s+)?[IVX\d]+)?\s*[:.]?(?:\s+\p{Lu}.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AppendixHeading();

    [GeneratedRegex(@"^[\s\-–—_=*.]{3,}$")]
    private static partial Regex Rule();

    /// <summary>Where a title's lines end: the preamble ("Căn cứ …", "Thực hiện …") or a numbered paragraph.</summary>
    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Triển khai|Nhằm|\d+\.|[IVX]+\.)", RegexOptions.CultureInvariant)]
    private static partial Regex TitleEnds();

    /// <summary>"năm học 2025 - 2026", "Năm học 2025-2026".</summary>
    [GeneratedRegex(@"năm học\s+(?<a>(?:19|20)\d\d)\s*[-–]\s*(?<b>(?:19|20)\d\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchoolYear();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,4})\.\s+\p{Lu}")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"</?\s*li[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    /// <summary>A dash standing alone at a line's start or end, or after an item's closing ".", ";", "," or ":", starts a list item.</summary>
    [GeneratedRegex(@"(?:^|(?<=[.;,:]))\s*[-+•–](?=\s|$)|(?<=\s)[-+•–]\s*$")]
    private static partial Regex Bullet();
}
