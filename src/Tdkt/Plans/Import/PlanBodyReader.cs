using System.Text.RegularExpressions;
using Tdkt.Agencies;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads a plan's body outside its task tables, as plans are written in prose: roman sections ("II. NHIỆM VỤ"), numbered
/// and lettered items ("1.", "1.2.", "a)"), and bullets (typed "- ", "+ ", "•", or Word's list bullets). An item that names
/// an agency (or sits under a heading that is an agency's name, "2. Phòng Văn hóa - Xã hội:") and a deadline is a task,
/// numbered as the document numbers it, or by its place ("II.1.a", "II.1.2" for the second bullet under II.1). One that
/// names only an agency or only a deadline is listed as not read, with why. "Nơi nhận", the signature block and the
/// signer's name, in paragraphs or in table rows, end the body until the next appendix or task table: they are never
/// tasks. Sections of purpose ("Mục đích, yêu cầu") and the preamble ("Căn cứ …") hold no tasks.
/// </summary>
internal sealed partial class PlanBodyReader(AgencyDirectory directory, int? year)
{
    private enum SectionKind
    {
        /// <summary>Before the first roman section: the preamble.</summary>
        Preamble,

        /// <summary>"Mục đích, yêu cầu": why the plan exists, no tasks.</summary>
        Purpose,

        /// <summary>Any other section: its items may be tasks.</summary>
        Work,
    }

    private readonly List<RawTask> tasks = [];
    private readonly List<UnreadLine> notRead = [];
    private SectionKind kind = SectionKind.Preamble;
    private string? section;
    private string? item;
    private string? letter;
    private int bullets;
    private IReadOnlyList<string>? heading;
    private int? quarter;

    /// <summary>Whether the reader is in "Nơi nhận" and the signature block.</summary>
    public bool InEndMatter { get; private set; }

    /// <summary>Whether a "PHỤ LỤC" heading has been read: tables from here on are an appendix's.</summary>
    public bool InAppendix { get; private set; }

    public IReadOnlyList<RawTask> Tasks => tasks;

    public IReadOnlyList<UnreadLine> NotRead => notRead;

    /// <summary>
    /// Whether a table row belongs to the end matter (and so is no task): it starts it ("Nơi nhận:", "TM. …") or follows
    /// it; a task table's header row ends it.
    /// </summary>
    public bool EndsOrInEndMatter(PlanBlock.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (InEndMatter)
        {
            if (PlanTableColumns.Detect(row.Cells) is null)
            {
                return true;
            }
            InEndMatter = false;
            return false;
        }
        // Only the start of a row's first or last cell can mark the end matter ("Nơi nhận:" beside "TM. …"): a task's text
        // is not cleaned twice for it.
        var first = row.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        var last = row.Cells.LastOrDefault(c => !string.IsNullOrWhiteSpace(c));
        if (first is not null && (IsEndMatter(Strip(first.Length > 64 ? first[..64] : first))
            || (!ReferenceEquals(first, last) && IsEndMatter(Strip(last!.Length > 64 ? last[..64] : last)))))
        {
            StartEndMatter(row.Line, string.Join(" ", row.Cells.Select(Strip).Where(c => c.Length > 0)));
        }
        return InEndMatter;
    }

    public void Read(PlanBlock.Paragraph paragraph)
    {
        // A PDF sets a list's label apart from its text by a tab's width, which its reader writes as " | ".
        var text = LabelApart().Replace(Strip(paragraph.Text), "${label} ");
        if (text.Length == 0)
        {
            return;
        }
        var heads = PlanHeading().IsMatch(text);
        if (InEndMatter && !heads)
        {
            return;
        }
        if (heads)
        {
            InEndMatter = false;
            InAppendix |= text.StartsWith("PHỤ LỤC", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DANH MỤC", StringComparison.Ordinal)
                || text.StartsWith("BIỂU", StringComparison.Ordinal);
            // A plan's heading starts its preamble ("Căn cứ …"); an appendix's heading its list of tasks.
            var plan = text.StartsWith("KẾ HOẠCH", StringComparison.Ordinal);
            (kind, section, item, letter, bullets, heading, quarter) = (plan ? SectionKind.Preamble : SectionKind.Work, null, null, null, 0, null, null);
            return;
        }
        if (IsEndMatter(text))
        {
            StartEndMatter(paragraph.Line, text);
            return;
        }
        if (SectionHeading().Match(text) is { Success: true } s)
        {
            var folded = VietnameseText.Fold(text);
            kind = folded.Contains("muc dich", StringComparison.Ordinal) || folded.Contains("yeu cau", StringComparison.Ordinal)
                && !folded.Contains("nhiem vu", StringComparison.Ordinal) ? SectionKind.Purpose : SectionKind.Work;
            (section, item, letter, bullets, heading, quarter) = (s.Groups["roman"].Value, null, null, 0, null, null);
            return;
        }
        if (QuarterHeading().Match(text) is { Success: true } q)
        {
            quarter = Quarters.FromRoman(q.Groups["q"].Value) ?? int.Parse(q.Groups["q"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        string place;
        string body;
        bool own;
        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            // "(Kèm theo Kế hoạch số …)", "(Ban hành kèm theo …)": a note on the document, not an item.
            return;
        }
        if (Numbered().Match(text) is { Success: true } n)
        {
            // A plan without roman sections starts its items at "1.".
            kind = kind == SectionKind.Preamble ? SectionKind.Work : kind;
            (item, letter, bullets) = (n.Groups["n"].Value, null, 0);
            (place, body, own) = (Join(section, item), n.Groups["body"].Value, true);
            heading = null;
        }
        else if (Lettered().Match(text) is { Success: true } l)
        {
            (letter, bullets) = (l.Groups["l"].Value, 0);
            (place, body, own) = (Join(section, item, letter), l.Groups["body"].Value, true);
            heading = item is null ? null : heading;
        }
        else if (Bulleted().Match(text) is { Success: true } b)
        {
            bullets++;
            (place, body, own) = (Join(section, item, letter, bullets.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.Groups["body"].Value, false);
        }
        else
        {
            bullets++;
            (place, body, own) = (Join(section, item, letter, bullets.ToString(System.Globalization.CultureInfo.InvariantCulture)), text, false);
        }
        Item(paragraph.Line, text, place, body, own);
    }

    private void Item(int line, string text, string place, string body, bool numbered)
    {
        var (deadline, impossible, unread) = DeadlineIn(body);
        var dated = deadline is not null || impossible || unread is not null;
        if (kind != SectionKind.Work)
        {
            // The preamble and the purposes hold no tasks, but what they name is listed, so that nothing is dropped unseen.
            var what = dated ? "Có thời hạn" : Mentions(body) ? "Có tên cơ quan" : null;
            if (what is not null)
            {
                notRead.Add(UnreadLine.Of(line, text, kind == SectionKind.Purpose
                    ? $"{what} nhưng thuộc phần mục đích, yêu cầu của kế hoạch: không đọc thành nhiệm vụ."
                    : $"{what} nhưng nằm trong phần mở đầu (căn cứ) của kế hoạch: không đọc thành nhiệm vụ."));
            }
            return;
        }
        // A heading that is an agency's name ("2. Phòng Văn hóa - Xã hội:") gives its items to that agency.
        if (numbered && !dated && AgencyHeading(body) is { } agencies)
        {
            heading = agencies;
            return;
        }
        var named = ResponsibleIn(body);
        var responsible = named.Count > 0 ? named : heading ?? [];
        if (responsible.Count > 0 && unread is not null)
        {
            notRead.Add(UnreadLine.Of(line, text, unread));
        }
        else if (responsible.Count > 0 && (deadline is not null || impossible || quarter is not null))
        {
            // An impossible date (31/02) is kept as a task so that validation names it where it is; under a quarter's
            // heading ("Quý II"), as under a table's quarter row, an item without a date is due at the quarter's end.
            tasks.Add(new RawTask(line, "", place, quarter, body, deadline, null, responsible));
        }
        else if (dated)
        {
            notRead.Add(UnreadLine.Of(line, text, "Có thời hạn nhưng không ghi cơ quan nào trong danh bạ thực hiện: thêm cơ quan vào danh bạ hoặc ghi rõ cơ quan thực hiện."));
        }
        else if (responsible.Count > 0)
        {
            notRead.Add(UnreadLine.Of(line, text, "Có cơ quan thực hiện nhưng không ghi thời hạn cụ thể (ngày, tháng, quý hoặc “thường xuyên”): chưa đọc thành nhiệm vụ."));
        }
    }

    /// <summary>
    /// The deadline an item states: "Thời gian: Quý II/2026", or a dated phrase in its text ("trước ngày 20/11/2026");
    /// whether that date does not exist; or, for a stated time not understood, why it is not read.
    /// </summary>
    private (string? Phrase, bool Impossible, string? Unread) DeadlineIn(string body)
    {
        var planYear = year ?? 2000;
        if (DeadlineRules.FindLabeled(body) is { } labeled)
        {
            // A recurring duty's phrase ("Định kỳ hằng tháng, trước ngày 20") is a deadline too: the builder reads its occurrences.
            return DeadlineRules.Parse(labeled, planYear, out var labeledError) is not null || Recurrence.Parse(labeled, PlanPeriod.CalendarYear(planYear), out _) is { Count: > 0 }
                ? (labeled, false, null)
                : (null, false, "Thời hạn chưa đọc được: " + labeledError);
        }
        if (DeadlineRules.FindInContent(body, planYear, out var contentError) is { } found)
        {
            return (found.Phrase, false, null);
        }
        return (null, contentError is not null, null);
    }

    /// <summary>The agencies a heading is wholly the name of ("Phòng Văn hóa - Xã hội:", "Văn phòng UBND tỉnh"), else null.</summary>
    private IReadOnlyList<string>? AgencyHeading(string body)
    {
        var name = body.TrimEnd(':', '.', ' ');
        if (name.Length > 160)
        {
            return null;
        }
        var lookup = new AgencyLookup(directory);
        var names = lookup.Segment(name);
        return names.Count > 0 && names.All(n => n.Resolution is AgencyResolution.Found) ? [.. names.Select(n => n.Written)] : null;
    }

    private void StartEndMatter(int line, string text)
    {
        InEndMatter = true;
        notRead.Add(UnreadLine.Of(line, text, "Nơi nhận và phần ký của văn bản: không phải nhiệm vụ."));
    }

    private static string Join(params string?[] parts) => string.Join(".", parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Agencies a prose paragraph makes responsible: every directory name it mentions, except the one it reports to.</summary>
    private List<string> ResponsibleIn(string text)
    {
        var folded = VietnameseText.Fold(text);
        var mentions = new List<(int Start, int End, string Name)>();
        foreach (var (agency, key) in Names())
        {
            for (var at = folded.IndexOf(key, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(key, at + 1, StringComparison.Ordinal))
            {
                var end = at + key.Length;
                if (!IsWordAt(folded, at, end) || mentions.Any(m => at < m.End && end > m.Start))
                {
                    continue;
                }
                // A recipient ("gửi về Sở Nội vụ") still claims its span, so a shorter alias inside it is not
                // counted; it is kept with no name and dropped below.
                var recipient = IsRecipientBefore(folded.AsSpan(0, at));
                mentions.Add((at, end, recipient ? "" : agency.Name));
            }
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Who does it: the names the sentence starts with ("Phòng Văn hóa - Xã hội và Văn phòng … tổ chức"), and those after
        // "chủ trì", "phối hợp với" or "do"; not those a verb acts on ("hướng dẫn các thôn"). With none of those, every name
        // mentioned, as before.
        var doers = new List<(int Start, int End, string Name)>();
        var chain = 0;
        foreach (var m in mentions)
        {
            var gap = folded[chain..m.Start].Trim(' ', ',', ';', '-', ':', '(', ')');
            if (ChainGap().IsMatch(gap) || RoleBefore().IsMatch(folded[..m.Start]))
            {
                doers.Add(m);
                chain = ChainGap().IsMatch(gap) ? m.End : chain;
            }
        }
        var chosen = doers.Count > 0 ? doers : mentions;
        return chosen.Where(m => m.Name.Length > 0).Select(m => m.Name).Distinct().ToList();
    }

    /// <summary>Folded text allowed between the start of an item and its doers, or between two of them.</summary>
    [GeneratedRegex(@"^(?:(?:giao|de nghi|yeu cau|dong chi|va|cung|voi|chu tri|phoi hop voi|phoi hop|cac|thu truong|nguoi dung dau|lanh dao|giam doc|chu tich|chanh|hieu truong|vu truong|cuc truong|vien truong|truong|pho)\b[ ,;-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ChainGap();

    /// <summary>Folded text ending in a role that names a doer: "chủ trì", "phối hợp với", "do".</summary>
    [GeneratedRegex(@"(?:chu tri|phoi hop(?: voi)?|\bdo)[ ,:]*(?:(?:cac|dong chi|thu truong|nguoi dung dau|lanh dao|giam doc|chu tich|chanh|hieu truong|vu truong|cuc truong|vien truong|truong|pho)\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleBefore();

    /// <summary>Whether the text names any directory agency, whatever its role in the sentence.</summary>
    private bool Mentions(string text)
    {
        var folded = VietnameseText.Fold(text);
        return Names().Any(n => folded.IndexOf(n.Key, StringComparison.Ordinal) is var at and >= 0 && IsWordAt(folded, at, at + n.Key.Length));
    }

    private List<(Agency Agency, string Key)>? names;

    /// <summary>Every directory name, folded once, longest first.</summary>
    private List<(Agency Agency, string Key)> Names() =>
        names ??= [.. directory.Agencies.SelectMany(a => a.Names.Select(n => (a, Key: VietnameseText.Fold(n)))).Where(x => x.Key.Length >= 3).OrderByDescending(x => x.Key.Length)];

    private static bool IsWordAt(string text, int start, int end) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));

    private static readonly string[] RecipientWords = ["gui ve", "gui", "bao cao", "ve", "trinh"];

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

    /// <summary>"Nơi nhận:", a signature's "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "(Đã ký)", "(Ký tên, đóng dấu)".</summary>
    private static bool IsEndMatter(string text) => EndMatter().IsMatch(text);

    private static string Strip(string text) => PublishedPlanParser.Strip(text);

    [GeneratedRegex(@"^(?:Nơi\s+nhận\b|(?:TM|KT|TL|TUQ|Q|T\.M|K\.T)\s*\.\s*\p{Lu}{2,}|\((?:Đã\s+ký|ký[^)]{0,40}|Ký[^)]{0,40})\)|(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|PHÓ CHỦ TỊCH|PHÓ GIÁM ĐỐC|THỨ TRƯỞNG|BÍ THƯ)$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex EndMatter();

    [GeneratedRegex(@"^(?<label>\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ][).]|[IVX]{1,4}\.|[-+•–—*▪●○◦])\s*\|\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LabelApart();

    [GeneratedRegex(@"^(?:KẾ HOẠCH|PHỤ LỤC|DANH MỤC|BIỂU)(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PlanHeading();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,4})[.)]\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?:QUÝ|Quý)\s+(?<q>IV|III|II|I|[1-4])(?:\s*(?:/|năm)\s*\d{4})?\s*[:.]?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterHeading();

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s*(?<body>\p{L}.*)$|^(?<n>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?<body>\p{L}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?<l>[a-zđ])[).]\s+(?<body>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Lettered();

    [GeneratedRegex(@"^[-+•–—*▪●○◦]\s*(?<body>\p{L}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bulleted();
}
