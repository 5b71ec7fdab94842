using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Input;

namespace Tdkt.Plans;

/// <summary>Reads Vietnamese deadline phrases. See docs/decisions/0002-deadline-phrases.md.</summary>
public static partial class DeadlineRules
{


    public static Deadline EndOfQuarter(int quarter, int year, string? phrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var lastMonth = new YearMonth(year, quarter * 3);
        return new Deadline(DeadlineRule.EndOfQuarter, phrase ?? Quarters.Section(quarter), lastMonth.OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(year, quarter * 3)));
    }

    /// <summary>
    /// The first day of the period a deadline closes ("Quý IV": 1 October; "tháng 3": 1 March; "6 tháng cuối năm": 1 July;
    /// "năm 2026": 1 January), for a day written in the task's text to be more precise than it; null for a deadline that
    /// is a day already, or ongoing.
    /// </summary>
    public static LocalDate? PeriodStart(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var due = deadline.Due;
        return deadline.Rule switch
        {
            DeadlineRule.EndOfQuarter => new LocalDate(due.Year, due.Month - 2, 1),
            DeadlineRule.EndOfMonth => new LocalDate(due.Year, due.Month, 1),
            DeadlineRule.FirstHalf or DeadlineRule.EndOfYear => new LocalDate(due.Year, 1, 1),
            DeadlineRule.SecondHalf => new LocalDate(due.Year, 7, 1),
            _ => null,
        };
    }

    /// <summary>Parses a phrase written as a task's deadline; <paramref name="error"/> says why not when it returns null.</summary>
    public static Deadline? Parse(string phrase, int planYear, out string? error)
    {
        var clean = VietnameseText.Clean(phrase.Replace("*", "", StringComparison.Ordinal));
        // A narrow time column breaks a year where it does not fit ("Tháng 01/202" + "5"): the lines come back joined by a space.
        clean = BrokenYear().Replace(clean, m => m.Groups["a"].Length + m.Groups["b"].Length == 4 ? "/" + m.Groups["a"].Value + m.Groups["b"].Value : m.Value);
        error = null;
        // A time cell often ends with a full stop, or wraps its detail in brackets: "Quý I (trước ngày 15/3)".
        var bare = clean.TrimEnd('.', ';', ',').Trim();
        if (Ongoing().IsMatch(bare))
        {
            return new Deadline(DeadlineRule.Ongoing, clean, new LocalDate(planYear, 12, 31));
        }
        if (QuarterSection().Match(bare) is { Success: true } q)
        {
            var last = q.Groups["q"].Captures[^1].Value;
            var quarter = Quarters.FromRoman(last) ?? int.Parse(last, CultureInfo.InvariantCulture);
            return quarter is >= 1 and <= 4
                ? EndOfQuarter(quarter, Year(q, planYear), clean)
                : Fail($"Quý không tồn tại trong “{clean}”.", out error);
        }
        if (Half().Match(bare) is { Success: true } half)
        {
            var year = Year(half, planYear);
            return half.Groups["which"].Value.StartsWith("đ", StringComparison.OrdinalIgnoreCase)
                ? new Deadline(DeadlineRule.FirstHalf, clean, new LocalDate(year, 6, 30))
                : new Deadline(DeadlineRule.SecondHalf, clean, new LocalDate(year, 12, 31));
        }
        if (WholeYear().Match(bare) is { Success: true } whole)
        {
            return new Deadline(DeadlineRule.EndOfYear, clean, new LocalDate(Year(whole, planYear), 12, 31));
        }
        if (MonthList().Match(bare) is { Success: true } months)
        {
            // "Tháng 7, tháng 8/2025": done by the end of the last month named.
            var m = int.Parse(months.Groups["m"].Captures[^1].Value, CultureInfo.InvariantCulture);
            var y = Year(months, planYear);
            return m is < 1 or > 12
                ? Fail($"Tháng không tồn tại trong “{clean}”.", out error)
                : new Deadline(DeadlineRule.EndOfMonth, clean, new LocalDate(y, m, CalendarSystem.Iso.GetDaysInMonth(y, m)));
        }
        if (DatedPhrase().Match(bare) is { Success: true } dated)
        {
            var y = dated.Groups["y"].Success ? dated.Groups["y"].Value : planYear.ToString(CultureInfo.InvariantCulture);
            if (!TryDate(dated.Groups["d"].Value, dated.Groups["m"].Value, y, out var date))
            {
                return Fail($"Ngày không tồn tại trong “{clean}”.", out error);
            }
            return dated.Groups["kind"].Value.StartsWith("trước", StringComparison.OrdinalIgnoreCase)
                ? new Deadline(DeadlineRule.BeforeDate, clean, date.PlusDays(-1))
                : new Deadline(DeadlineRule.OnDate, clean, date);
        }
        if (DateRange().Match(bare) is { Success: true } range)
        {
            // "Từ ngày 01/3 đến ngày 30/4/2026": done by the range's last day.
            var y = range.Groups["y"].Success ? range.Groups["y"].Value : planYear.ToString(CultureInfo.InvariantCulture);
            return TryDate(range.Groups["d"].Value, range.Groups["m"].Value, y, out var end)
                ? new Deadline(DeadlineRule.OnDate, clean, end)
                : Fail($"Ngày không tồn tại trong “{clean}”.", out error);
        }
        if (Yearly().Match(bare) is { Success: true } yearly && Parse(yearly.Groups["rest"].Value, planYear, out _) is { IsOngoing: false } once)
        {
            // "Hằng năm, trước ngày 15/11", "Quý II hằng năm": once in a year's plan, on the day it names.
            return once with { Phrase = clean };
        }
        if (Undated().IsMatch(bare))
        {
            return new Deadline(DeadlineRule.Undated, clean, new LocalDate(planYear, 12, 31));
        }
        if (Bracketed().Match(bare) is { Success: true } detail)
        {
            // "Quý I (trước ngày 15/3/2025)": the detail is the deadline when it reads as one, else the main phrase.
            var inner = Parse(detail.Groups["inner"].Value, planYear, out _) ?? Parse(detail.Groups["outer"].Value, planYear, out _);
            if (inner is not null)
            {
                return inner with { Phrase = clean };
            }
        }
        return Fail($"Không hiểu thời hạn “{clean}”. Cách viết được chấp nhận: “QUÝ I”, “Quý II/2025”, “trước ngày 15/01/2023”, " +
            "“ngày 15/01/2023”, “chậm nhất ngày 15/01/2023”, “tháng 3”, “tháng 7, tháng 8/2025”, “trong tháng 12”, " +
            "“6 tháng đầu năm”, “6 tháng cuối năm”, “năm 2025”, “cả năm”, “thường xuyên”, “khi có yêu cầu”, " +
            "“hằng tháng, trước ngày 20”, “hằng quý”, “thứ Sáu hằng tuần”, “6 tháng (trước 15/6) và năm (trước 15/11)”, “hằng năm (Quý II)”.", out error);
    }

    private static Deadline? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static int Year(Match match, int planYear) =>
        match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;

    /// <summary>
    /// Finds an explicit deadline inside a task's content ("… gửi về Sở Nội vụ trước ngày 15/01/2023"). Only
    /// phrases that can only mean a deadline count: a bare "ngày 09/12/2021" in content usually dates a cited document.
    /// </summary>
    public static Deadline? FindInContent(string content, int planYear, out string? error) =>
        Find(VietnameseText.Clean(content.Replace("*", "", StringComparison.Ordinal)), planYear, out error);

    private static Deadline? Find(string text, int planYear, out string? error)
    {
        error = null;
        var dated = DatedInContent().Match(text);
        if (dated.Success)
        {
            var phrase = dated.Value.Trim();
            if (!TryDate(dated.Groups["d"].Value, dated.Groups["m"].Value, dated.Groups["y"].Value, out var date))
            {
                error = $"Ngày không tồn tại trong “{phrase}”.";
                return null;
            }
            var before = dated.Groups["kind"].Value.StartsWith("trước", StringComparison.OrdinalIgnoreCase);
            return before
                ? new Deadline(DeadlineRule.BeforeDate, phrase, date.PlusDays(-1))
                : new Deadline(DeadlineRule.OnDate, phrase, date);
        }
        var half = FirstHalf().Match(text);
        if (half.Success)
        {
            return new Deadline(DeadlineRule.FirstHalf, half.Value.Trim(), new LocalDate(planYear, 6, 30));
        }
        var month = MonthInContent().Match(text);
        if (month.Success)
        {
            var m = int.Parse(month.Groups["m"].Value, CultureInfo.InvariantCulture);
            var y = month.Groups["y"].Success ? int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
            if (m is < 1 or > 12)
            {
                error = $"Tháng không tồn tại trong “{month.Value.Trim()}”.";
                return null;
            }
            return new Deadline(DeadlineRule.EndOfMonth, month.Value.Trim(), new LocalDate(y, m, CalendarSystem.Iso.GetDaysInMonth(y, m)));
        }
        return null;
    }

    /// <summary>
    /// The time an item states after a label, as prose plans write it: "Thời gian: Quý II/2026", "(Thời gian thực hiện:
    /// trước ngày 20/3/2026)", "Thời hạn hoàn thành: tháng 6"; the phrase as written, or null when there is no label.
    /// </summary>
    public static string? FindLabeled(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Labeled().Match(VietnameseText.Clean(content)) is { Success: true } m ? m.Groups["p"].Value.Trim().TrimEnd('.', ',').Trim() : null;
    }

    private static bool TryDate(string d, string m, string y, out LocalDate date)
    {
        date = default;
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(m, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year is < 1900 or > 2999 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    private const string Date = @"(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})";

    private const string YearSuffix = @"(?:\s*(?:/|năm|-)\s*(?<y>\d{4}))?";

    /// <summary>"QUÝ I", "Quý II/2025", "Trong quý III năm 2025", "Quý I, II" (the last one named), "Quý 2".</summary>
    [GeneratedRegex(@"^(?:(?:trong|hết|cuối|trước hết)\s+)?quý\s+(?<q>IV|III|II|I|[1-4])(?:\s*(?:,|-|–|và|đến)\s*(?:quý\s+)?(?<q>IV|III|II|I|[1-4]))*" + YearSuffix + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterSection();

    /// <summary>"trước ngày 15/3/2025", "Chậm nhất ngày 20/11/2025", "ngày 15/01", "trước 15/3/2025", "Hoàn thành trước ngày 15 tháng 3 năm 2025".</summary>
    [GeneratedRegex(@"^(?:hoàn thành\s+)?(?<kind>trước|chậm nhất(?: là)?|trong|hạn(?: chót)?|)\s*(?:ngày\s+)?(?<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?<m>\d{1,2})(?:\s*(?:[/.-]|\s+năm\s+)\s*(?<y>\d{4}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedPhrase();

    /// <summary>"Tháng 01/2025", "Trong tháng 12", "Tháng 7, tháng 8/2025", "Tháng 9 - 10", "Từ tháng 3 đến tháng 5 năm 2025".</summary>
    [GeneratedRegex(@"^(?:(?:từ|trong|hết|cuối|hoàn thành trong)\s+)?tháng\s+(?<m>\d{1,2})(?:\s*(?:,|-|–|và|đến)\s*(?:(?:hết|cuối)\s+)?(?:tháng\s+)?(?<m>\d{1,2}))*" + YearSuffix + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthList();

    [GeneratedRegex(@"^(?:trong\s+)?6\s+tháng\s+(?<which>đầu|cuối)\s+năm(?:\s*/?\s*(?<y>\d{4}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Half();

    /// <summary>"Năm 2025", "Cả năm", "Trong năm", "Trong năm 2025", "Hằng năm", "Cuối năm".</summary>
    [GeneratedRegex(@"^(?:(?:cả|trong|hằng|hàng|cuối|trong cả)\s+năm(?:\s+(?<y>\d{4}))?|năm\s+(?<y>\d{4}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeYear();

    /// <summary>"Thường xuyên", "Thường xuyên, liên tục", "Thường xuyên trong năm", "Liên tục", "Hằng ngày" (a duty of every day has no deadline to remind).</summary>
    [GeneratedRegex(@"^(?:thường xuyên(?:\s*(?:,|và|-)?\s*liên tục)?(?:\s+(?:trong|cả)\s+năm(?:\s+\d{4})?)?|liên tục|thường xuyên hằng năm|(?:hằng|hàng|mỗi)\s+ngày)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ongoing();

    /// <summary>A year after "/" split by a space: "01/202 5", "20/11/2 025".</summary>
    [GeneratedRegex(@"/(?<a>\d{1,3}) (?<b>\d{1,3})\b", RegexOptions.NonBacktracking)]
    private static partial Regex BrokenYear();

    /// <summary>A time that is no date: "Khi có yêu cầu", "Theo hướng dẫn của Trung ương", "Sau khi kết thúc đợt thi đua", "Theo kế hoạch của UBND tỉnh", "Đột xuất".</summary>
    [GeneratedRegex(@"^(?:khi có (?:yêu cầu|văn bản|hướng dẫn|chỉ đạo|thông báo)\b.*|theo (?:yêu cầu|hướng dẫn|kế hoạch|chỉ đạo|thông báo|văn bản|lịch)\b.*|sau khi\s.+|đột xuất|chưa xác định|theo từng đợt(?:\s.*)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Undated();

    /// <summary>"Từ ngày 01/3 đến ngày 30/4/2026", "01/3 - 30/4/2026": the last day is the deadline.</summary>
    [GeneratedRegex(@"^(?:từ\s+)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateRange();

    /// <summary>"Hằng năm, trước ngày 15/11", "Định kỳ hằng năm: Quý II", "Quý II hằng năm": a yearly duty with its day or period.</summary>
    [GeneratedRegex(@"^(?:(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm\s*[,;:–-]?\s*(?<rest>.+)|(?<rest>.+?)\s*[,;]?\s*(?:hằng|hàng|mỗi)\s+năm)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yearly();

    [GeneratedRegex(@"^(?<outer>[^()]+?)\s*\((?<inner>[^()]+)\)$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?<kind>trước|chậm nhất(?: là)?|trong|hạn(?: chót)?)\s+ngày\s+" + Date, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatedInContent();

    [GeneratedRegex(@"(?:^|[\s(;,.])(?:thời gian|thời hạn|hạn)(?:\s+(?:thực hiện|hoàn thành|nộp|gửi|báo cáo|triển khai|tổ chức))?\s*:\s*(?<p>[^;()\n]+?)\s*(?:[;)\n]|\.(?=\s|$)|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labeled();

    [GeneratedRegex(@"6 tháng đầu năm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstHalf();

    [GeneratedRegex(@"(?:trong|hết|cuối) tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthInContent();
}
