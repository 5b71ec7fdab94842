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
        var tasks = new List<RawTask>();
        var prose = false;
        var afterNoiNhan = false;
        string? section = null;
        foreach (var block in blocks.Skip(heading ?? 0))
        {
            switch (block)
            {
                case PlanBlock.Row row:
                    table.Read(row);
                    break;
                case PlanBlock.Paragraph paragraph when !afterNoiNhan:
                    var text = Strip(paragraph.Text);
                    if (text.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
                    {
                        afterNoiNhan = true;
                    }
                    else if (SectionHeading().Match(text) is { Success: true } s)
                    {
                        section = s.Groups["roman"].Value;
                        prose = table.Count > 0 || VietnameseText.Fold(text).Contains("to chuc thuc hien", StringComparison.Ordinal);
                    }
                    else if (prose && section is not null && NumberedParagraph().Match(text) is { Success: true } n
                        && (DeadlineRules.FindInContent(text, year ?? 2000, out var dateError) is not null || dateError is not null))
                    {
                        // Also when its date does not exist (31/02): the task is kept so that validation names the error.
                        var body = n.Groups["body"].Value;
                        tasks.Add(new RawTask(paragraph.Line, "", $"{section}.{n.Groups["n"].Value}", null, body, null, null,
                            ResponsibleIn(body, directory)));
                    }
                    break;
            }
        }
        tasks.InsertRange(0, table.Tasks());
        return new RawPlan(null, reference.Number, title, reference.Issuer, reference.IssuedOn, year, null, tasks, titleLine ?? 1);
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

    /// <summary>Agencies a prose paragraph makes responsible: every directory name it mentions, except the one it reports to.</summary>
    private static List<string> ResponsibleIn(string text, AgencyDirectory directory)
    {
        var folded = VietnameseText.Fold(text);
        var mentions = new List<(int Start, int End, string Name)>();
        foreach (var (agency, name) in directory.Agencies
            .SelectMany(a => a.Names.Select(n => (a, n)))
            .OrderByDescending(x => x.n.Length))
        {
            var key = VietnameseText.Fold(name);
            for (var at = folded.IndexOf(key, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(key, at + 1, StringComparison.Ordinal))
            {
                var end = at + key.Length;
                if (mentions.Any(m => at < m.End && end > m.Start))
                {
                    continue;
                }
                // A recipient ("gửi về Sở Nội vụ") still claims its span, so a shorter alias inside it is not
                // counted; it is kept with no name and dropped below.
                var recipient = IsRecipientBefore(folded.AsSpan(0, at));
                mentions.Add((at, end, recipient ? "" : agency.Name));
            }
        }
        return mentions.Where(m => m.Name.Length > 0).OrderBy(m => m.Start).Select(m => m.Name).Distinct().ToList();
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

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,4})\.\s+\p{Lu}")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<n>\d{1,2})\.\s+(?<body>.+)$")]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"</?\s*li[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    /// <summary>A dash standing alone at a line's start or end, or after an item's closing ".", ";", "," or ":", starts a list item.</summary>
    [GeneratedRegex(@"(?<=^\s*|[.;,:]\s*)[-+•–](?=\s|$)|(?<=\s)[-+•–]\s*$")]
    private static partial Regex Bullet();

    private static readonly string[] RecipientWords = ["gui ve", "gui", "bao cao", "ve"];

    /// <summary>Whether folded text ends with a word that names the recipient ("gửi về", "báo cáo"), looking only at its end.</summary>
    private static bool IsRecipientBefore(ReadOnlySpan<char> before)
    {
        var text = before.TrimEnd();
        foreach (var word in RecipientWords)
        {
            if (text.EndsWith(word, StringComparison.Ordinal) && (text.Length == word.Length || char.IsWhiteSpace(text[text.Length - word.Length - 1])))
            {
                return true;
            }
        }
        return false;
    }
}
