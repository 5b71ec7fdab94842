using System.Globalization;
using System.Text.RegularExpressions;
using Tdkt.Clock;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan's reference in the forms documents carry it: the Decree 30/2020 header block ("ỦY BAN NHÂN DÂN /
/// TỈNH LẠNG SƠN", "Số: 245/KH-UBND", "Lạng Sơn, ngày 19 tháng 12 năm 2023"), whether as lines, layout-table cells, or a
/// web copy's run-together text with "|" separators; an appendix's "(Kèm theo Kế hoạch số … ngày … của …)"; and a
/// cover letter's citation ("Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về … năm 2023").
/// </summary>
public static partial class PlanReferences
{
    /// <summary>
    /// The year of a plan whose title names none, from its date of issue (dd/MM/yyyy or yyyy-MM-dd): plans are issued for
    /// the next year in its last quarter, else for the same year.
    /// </summary>
    public static int? YearIssuedFor(string? issuedOn)
    {
        return VietnamTime.ParseDate(issuedOn) is { } issued ? (issued.Month >= 10 ? issued.Year + 1 : issued.Year) : null;
    }

    /// <summary>The header block: the lines just before the plan's heading, read back up to where the previous document ended.</summary>
    public static PlanReference FromHeader(IReadOnlyList<string> linesBeforeHeading)
    {
        ArgumentNullException.ThrowIfNull(linesBeforeHeading);
        var lines = new List<string>();
        for (var i = linesBeforeHeading.Count - 1; i >= 0 && lines.Count < 16; i--)
        {
            var line = linesBeforeHeading[i];
            if (!IsHeaderLine(line))
            {
                break;
            }
            lines.Insert(0, line);
        }
        var text = string.Join(" ", lines);
        var number = NumberLine().Match(text) is { Success: true } n ? Squeeze(n.Groups["n"].Value) : null;
        string? issuedOn = null;
        if (PlaceAndDate().Match(text) is { Success: true } d && Date(d) is { } date)
        {
            issuedOn = date;
        }
        var issuer = IssuerOf(lines);
        return new PlanReference(number is null || number.StartsWith('/') ? null : number, issuer, issuedOn);
    }

    /// <summary>"(Kèm theo Kế hoạch số 245/KH-UBND ngày 19/12/2023 của Ủy ban nhân dân tỉnh Lạng Sơn)".</summary>
    public static PlanReference FromAppendixLine(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (AppendixLine().Match(paragraph) is not { Success: true } m)
        {
            return PlanReference.None;
        }
        var number = Squeeze(m.Groups["number"].Value);
        return new PlanReference(number.StartsWith('/') ? null : number,
            m.Groups["issuer"].Success ? VietnameseText.Clean(m.Groups["issuer"].Value).TrimEnd('.', ')') : null,
            Date(m));
    }

    /// <summary>A citation of the plan for <paramref name="year"/>, as a cover letter or the plan's preamble writes it.</summary>
    public static PlanReference FromCitation(string paragraph, int? year)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        foreach (Match m in Citation().Matches(paragraph))
        {
            if (year is null || m.Groups["about"].Value.Contains(year.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return new PlanReference(m.Groups["number"].Value, VietnameseText.Clean(m.Groups["issuer"].Value), m.Groups["date"].Value);
            }
        }
        return PlanReference.None;
    }

    /// <summary>Whether a line can belong to a header block: upper-case names, the motto, "Số: …", the place and date, rules.</summary>
    private static bool IsHeaderLine(string line)
    {
        var text = Motto().Replace(line, " ").Trim();
        return text.Length == 0
            || Rule().IsMatch(text)
            || NumberLine().IsMatch(text)
            || PlaceAndDate().IsMatch(text)
            || DateTail().IsMatch(text)
            || BlankDate().IsMatch(text)
            || Draft().IsMatch(text)
            || (text.Length <= 120 && IsUpperCase(text));
    }

    /// <summary>
    /// The issuing body: the last name among the upper-case lines before "Số:". Decree 30 puts the parent body first
    /// ("UBND TỈNH LẠNG SƠN" over "SỞ NỘI VỤ"), and may break one name over two lines ("ỦY BAN NHÂN DÂN" over "TỈNH LẠNG SƠN").
    /// </summary>
    private static string? IssuerOf(List<string> lines)
    {
        var names = new List<string>();
        foreach (var raw in lines)
        {
            var numberAt = NumberLine().Match(raw);
            var line = Motto().Replace(numberAt.Success ? raw[..numberAt.Index] : raw, " ");
            foreach (var segment in line.Split('|'))
            {
                var text = VietnameseText.Clean(Rule().Replace(segment, " "));
                if (text.Length == 0 || !IsUpperCase(text) || PlaceAndDate().IsMatch(text) || BlankDate().IsMatch(text) || Draft().IsMatch(text)
                    || MottoPart().IsMatch(text))
                {
                    continue;
                }
                // A web copy runs the parent body and the issuer together: "UBND TỈNH LẠNG SƠN SỞ GIÁO DỤC VÀ ĐÀO TẠO".
                text = ParentBefore().Replace(text, "");
                if (names.Count > 0 && Continues().IsMatch(text))
                {
                    names[^1] += " " + text;
                }
                else
                {
                    names.Add(text);
                }
            }
            if (numberAt.Success)
            {
                break;
            }
        }
        return names.Count == 0 ? null : SentenceCase(names[^1]);
    }

    /// <summary>
    /// "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" -> "Ủy ban nhân dân tỉnh Lạng Sơn", "SỞ NỘI VỤ" -> "Sở Nội vụ": lower case, but the
    /// first word, the field after a leading "Sở", "Bộ" or "Ban", the place after the last "tỉnh", "huyện", …, and abbreviations.
    /// </summary>
    public static string SentenceCase(string upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        var words = VietnameseText.Clean(upper).Split(' ').Select(w => Abbreviations.Contains(w) ? w : w.ToLower(VietnameseText.Culture)).ToArray();
        var place = -1;
        for (var i = 0; i < words.Length - 1; i++)
        {
            if (i + 2 < words.Length && Units.Contains(words[i] + " " + words[i + 1]))
            {
                place = i + 2;
                i++;
            }
            else if (Units.Contains(words[i]))
            {
                place = i + 1;
            }
        }
        // A body named by its fields capitalises each field: "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch".
        var field = words[0] is "sở" or "bộ" or "ban" or "vụ" or "cục" or "phòng";
        for (var i = 0; i < words.Length; i++)
        {
            var fieldStart = field && i > 0 && (i == 1 || words[i - 1] is "và" or "-" or "–" || words[i - 1].EndsWith(','));
            if (i == 0 || fieldStart || (place > 0 && i >= place))
            {
                words[i] = Capitalised(words[i]);
            }
        }
        return string.Join(" ", words);
    }

    private static string Capitalised(string word) =>
        word.Length == 0 || Abbreviations.Contains(word) ? word : char.ToUpper(word[0], VietnameseText.Culture) + word[1..];

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "UBND", "HĐND", "TĐKT", "VKSND", "TAND", "MTTQ", "TW", "TP.", "TP", "BCH", "KT-XH",
    };

    private static bool IsUpperCase(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static string Squeeze(string number) => string.Concat(number.Where(c => !char.IsWhiteSpace(c)));

    private static string? Date(Match m)
    {
        if (!int.TryParse(m.Groups["d"].Value, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{d:00}/{month:00}/{y}");
    }

    private const string DateWords = @"ngày\s+(?<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?<y>\d{4})";

    [GeneratedRegex(@"CỘNG[\s|]+H(?:ÒA|OÀ)[\s|]+XÃ[\s|]+HỘI[\s|]+CHỦ[\s|]+NGHĨA[\s|]+VIỆT[\s|]+NAM|Độc[\s|]+lập\s*[-–]\s*Tự[\s|]+do\s*[-–]\s*Hạnh[\s|]+phúc",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Motto();

    /// <summary>
    /// A piece of the national motto that a web copy or a narrow column cut off from the rest: "CHỦ NGHĨA VIỆT NAM",
    /// "CỘNG HÒA XÃ HỘI", "NAM", "Hạnh phúc": only the motto's words, at least one of them its own.
    /// </summary>
    [GeneratedRegex(@"^(?=.*\b(?:CỘNG|HỘI|CHỦ|NGHĨA|VIỆT|NAM|ĐỘC|LẬP|TỰ|DO|HẠNH|PHÚC)\b)(?:(?:CỘNG|HÒA|HOÀ|XÃ|HỘI|CHỦ|NGHĨA|VIỆT|NAM|ĐỘC|LẬP|TỰ|DO|HẠNH|PHÚC)\b[\s\-–]*)+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MottoPart();

    /// <summary>A parent body's name before the issuer's own, on one line: "UBND TỈNH LẠNG SƠN " before "SỞ …", "ỦY BAN NHÂN DÂN XÃ …".</summary>
    [GeneratedRegex(@"^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?:\S+\s+){1,3}?(?=(?:SỞ|ỦY BAN|UỶ BAN|UBND|BAN|VĂN PHÒNG|THANH TRA|CÔNG AN|BỘ CHỈ HUY|PHÒNG|TRƯỜNG|HỘI ĐỒNG)\s)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ParentBefore();

    /// <summary>A draft's place and date, the day and month left blank: "Lạng Sơn, ngày      tháng     năm 2026", "ngày …/…/2026".</summary>
    [GeneratedRegex(@"(?:^|,)\s*ngày\s*[.…_\s]*(?:tháng|/)\s*[.…_\s]*(?:năm|/)\s*[.…_\s]*(?:\d{4})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlankDate();

    /// <summary>The mark on a draft: "DỰ THẢO", "Dự thảo lần 2", "(DỰ THẢO)".</summary>
    [GeneratedRegex(@"^\(?\s*(?:DỰ THẢO|Dự thảo)(?:\s+(?:lần\s+|LẦN\s+)?\d+)?\s*\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Draft();

    [GeneratedRegex(@"^[\s\-–—_=*.|]*$|[-–—_=]{3,}", RegexOptions.NonBacktracking)]
    private static partial Regex Rule();

    [GeneratedRegex(@"\bSố\s*:?\s*(?<n>(?:\d+[\p{L}\d.]*)?\s*/\s*[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?<place>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})\s*,\s*" + DateWords, RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAndDate();

    /// <summary>A date line broken by a web copy ("Lạng Sơn, ngày 19 tháng" over "12 năm 2023"): its second half.</summary>
    [GeneratedRegex(@"^\d{1,2}\s+năm\s+\d{4}$|^ngày\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTail();

    [GeneratedRegex(@"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|VÀ|[-–])(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Continues();

    [GeneratedRegex(@"Kèm\s+theo\s+Kế\s+hoạch\s+số\s*:?\s*(?<number>[^\s,;()]*(?:\s*/\s*[^\s,;()]+)?)\s+" + DateWords + @"(?:\s+của\s+(?<issuer>[^()]+?))?\s*\)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppendixLine();

    // Linear (NonBacktracking): with backtracking, "… của A" followed by " về x" many times took seconds.
    [GeneratedRegex(@"Kế hoạch số\s+(?<number>[^\s,;]+)\s+ngày\s+(?<date>\d{1,2}/\d{1,2}/\d{4})\s+của\s+(?<issuer>[^.;]+?)\s+về\s+(?<about>[^.;]*?\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Citation();
}
