using System.Globalization;
using System.Text.RegularExpressions;
using Tdkt.Agencies;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Understands the layout of a published plan: the "KẾ HOẠCH" heading and title, the plan's reference,
/// the table "TT | Nội dung | Cơ quan thực hiện" with its QUÝ sections and repeated header rows, and
/// dated prose tasks outside the table (e.g. section III.1 "… gửi về Sở Nội vụ trước ngày 15/01/2023").
/// </summary>
public static partial class PublishedPlanParser
{
    public static RawPlan Parse(IReadOnlyList<PlanBlock> blocks, AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(directory);
        var paragraphs = blocks.OfType<PlanBlock.Paragraph>().Select(p => p with { Text = Strip(p.Text) }).ToList();

        var heading = paragraphs.FindIndex(p => PlanHeading().IsMatch(p.Text));
        var title = heading >= 0 && heading + 1 < paragraphs.Count ? paragraphs[heading + 1].Text : null;
        int? year = title is not null && YearIn().Matches(title) is { Count: > 0 } years
            ? int.Parse(years[^1].Value, CultureInfo.InvariantCulture)
            : null;
        var (number, issuedOn, issuer) = FindReference(paragraphs, year);

        var tasks = new List<RawTask>();
        int? quarter = null;
        var afterTable = false;
        string? section = null;
        foreach (var block in blocks.SkipWhile(b => heading >= 0 && b.Line < paragraphs[heading].Line))
        {
            switch (block)
            {
                case PlanBlock.Row row:
                    var first = Strip(row.Cells[0]);
                    if (QuarterRow().Match(first) is { Success: true } q)
                    {
                        quarter = Quarters.FromRoman(q.Groups["q"].Value) ?? 0;
                    }
                    else if (TaskNumber().IsMatch(first))
                    {
                        tasks.Add(new RawTask(row.Line, "", first, quarter,
                            row.Cells.Count > 1 ? Strip(row.Cells[1]) : null,
                            null, null,
                            row.Cells.Count > 2 ? SplitAgencies(row.Cells[2]) : []));
                        afterTable = true;
                    }
                    break;
                case PlanBlock.Paragraph paragraph when afterTable:
                    var text = Strip(paragraph.Text);
                    if (text.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
                    {
                        return Result();
                    }
                    if (SectionHeading().Match(text) is { Success: true } s)
                    {
                        section = s.Groups["roman"].Value;
                    }
                    else if (section is not null && NumberedParagraph().Match(text) is { Success: true } n
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
        return Result();

        RawPlan Result() => new(null, number, title, issuer, issuedOn, year, null, tasks, heading >= 0 ? paragraphs[heading].Line : 1);
    }

    /// <summary>"- UBND tỉnh. - Sở Nội vụ." or an HTML list becomes ["UBND tỉnh", "Sở Nội vụ"].</summary>
    public static IReadOnlyList<string> SplitAgencies(string cell)
    {
        var text = Strip(cell.Contains('<', StringComparison.Ordinal) ? ListItem().Replace(cell, " - ") : cell);
        return Bullet().Split(text)
            .SelectMany(item => item.Split(';'))
            .Select(item => item.Trim().Trim('-').TrimEnd('.', ';', ',').Trim())
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

    private static (string? Number, string? IssuedOn, string? Issuer) FindReference(List<PlanBlock.Paragraph> paragraphs, int? year)
    {
        // A "Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về …" reference,
        // for the plan's year, as a cover letter or the plan's own preamble writes it.
        foreach (var paragraph in paragraphs)
        {
            foreach (Match m in Reference().Matches(paragraph.Text))
            {
                if (year is null || m.Groups["about"].Value.Contains(year.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    return (m.Groups["number"].Value, m.Groups["date"].Value, VietnameseText.Clean(m.Groups["issuer"].Value));
                }
            }
        }
        return (null, null, null);
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

    [GeneratedRegex(@"^KẾ HOẠCH$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanHeading();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"^QUÝ\s+(?<q>IV|III|II|I)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterRow();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex TaskNumber();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,4})\.\s+\p{Lu}")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<n>\d{1,2})\.\s+(?<body>.+)$")]
    private static partial Regex NumberedParagraph();

    // Linear (NonBacktracking): with backtracking, "… của A" followed by " về x" many times took seconds.
    [GeneratedRegex(@"Kế hoạch số\s+(?<number>[^\s,;]+)\s+ngày\s+(?<date>\d{1,2}/\d{1,2}/\d{4})\s+của\s+(?<issuer>[^.;]+?)\s+về\s+(?<about>[^.;]*?\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Reference();

    [GeneratedRegex(@"</?\s*li[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    /// <summary>A dash standing alone between spaces (or at an end) starts a list item.</summary>
    [GeneratedRegex(@"(?<=^|\s)-(?=\s|$)")]
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
