using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Calendars;
using Tdkt.Clock;
using Tdkt.Input;

namespace Tdkt.Plans;

/// <summary>
/// Reads duties a plan repeats ("Định kỳ hằng tháng, trước ngày 20", "Hằng quý, trước ngày 25 tháng cuối quý",
/// "Báo cáo 6 tháng (trước 15/6) và năm (trước 15/11)", "Thứ Sáu hằng tuần") into their occurrences within the plan's
/// period. Each occurrence is a deadline of its own. See docs/plan-format.md.
/// </summary>
public static partial class Recurrence
{
    /// <summary>
    /// The occurrences a phrase states, in order; null when it states one deadline or none (the caller reads it as a
    /// single deadline). A phrase that repeats but yields nothing in the period sets <paramref name="error"/>.
    /// </summary>
    public static IReadOnlyList<Occurrence>? Parse(string phrase, PlanPeriod period, out string? error)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(period);
        error = null;
        var clean = VietnameseText.Clean(phrase.Replace("*", "", StringComparison.Ordinal)).TrimEnd('.', ';', ',').Trim();
        // Brackets carry the detail: "Hằng tháng (trước ngày 20)" reads as "Hằng tháng, trước ngày 20".
        var text = clean.Replace('(', ',').Replace(")", "", StringComparison.Ordinal);
        List<Occurrence>? found = null;
        if (Weekly().IsMatch(text))
        {
            found = Weeks(text, clean, period);
        }
        else if (Monthly().IsMatch(text))
        {
            found = Months(text, clean, period);
        }
        else if (Quarterly().IsMatch(text))
        {
            found = QuarterEnds(text, clean, period);
        }
        else if (StatedDates(text, clean, period) is { Count: >= 2 } stated)
        {
            found = stated;
        }
        else if (HalfYearly().IsMatch(text))
        {
            found = Halves(clean, period);
        }
        if (found is null)
        {
            return null;
        }
        if (found.Count == 0)
        {
            error = $"“{clean}” lặp lại nhưng không có kỳ nào trong {Describe(period)}.";
            return null;
        }
        return found;
    }

    /// <summary>Whether a phrase states one or more dated deadlines in <paramref name="year"/>: one day, or a duty's occurrences (not "Thường xuyên").</summary>
    public static bool IsDated(string phrase, int year) =>
        DeadlineRules.Parse(phrase, year, out _) is { IsOngoing: false } || Parse(phrase, PlanPeriod.CalendarYear(year), out _) is { Count: > 0 };

    private static string Describe(PlanPeriod period) =>
        $"thời gian của kế hoạch ({VietnamTime.ShortDate(period.Start)} - {VietnamTime.ShortDate(period.End)})";

    private static List<Occurrence> Months(string text, string phrase, PlanPeriod period)
    {
        var day = DayOfMonth().Match(text);
        var list = new List<Occurrence>();
        // "trước ngày 5 tháng sau": a month's report is due early in the month after it.
        var nextMonth = NextMonth().IsMatch(text);
        for (var month = new YearMonth(period.Start.Year, period.Start.Month); month.OnDayOfMonth(1) <= period.End; month = month.PlusMonths(1))
        {
            var due = day.Success ? Day(nextMonth ? month.PlusMonths(1) : month, day) : LastDay(month);
            var rule = day.Success ? (Before(day) ? DeadlineRule.BeforeDate : DeadlineRule.OnDate) : DeadlineRule.EndOfMonth;
            list.Add(new Occurrence(Code(month), $"tháng {month.Month:D2}/{month.Year}", QuarterOf(month.Month), new Deadline(rule, phrase, due)));
        }
        return list;
    }

    private static List<Occurrence> QuarterEnds(string text, string phrase, PlanPeriod period)
    {
        var day = DayOfMonth().Match(text);
        var nextQuarter = NextQuarterMonth().IsMatch(text);
        var list = new List<Occurrence>();
        var first = new YearMonth(period.Start.Year, ((period.Start.Month - 1) / 3 * 3) + 1);
        for (var start = first; start.OnDayOfMonth(1) <= period.End; start = start.PlusMonths(3))
        {
            var quarter = QuarterOf(start.Month);
            var last = start.PlusMonths(2);
            var anchor = nextQuarter ? start.PlusMonths(3) : last;
            var due = day.Success ? Day(anchor, day) : LastDay(last);
            var rule = day.Success ? (Before(day) ? DeadlineRule.BeforeDate : DeadlineRule.OnDate) : DeadlineRule.EndOfQuarter;
            list.Add(new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{start.Year}-q{quarter}"), $"quý {Quarters.Roman(quarter)}/{start.Year}", quarter,
                new Deadline(rule, phrase, due)));
        }
        return list;
    }

    private static List<Occurrence> Halves(string phrase, PlanPeriod period)
    {
        var list = new List<Occurrence>();
        for (var year = period.Start.Year; year <= period.End.Year; year++)
        {
            foreach (var (half, from, to) in new[] { (1, new LocalDate(year, 1, 1), new LocalDate(year, 6, 30)), (2, new LocalDate(year, 7, 1), new LocalDate(year, 12, 31)) })
            {
                if (period.Overlaps(from, to))
                {
                    list.Add(new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{year}-h{half}"),
                        half == 1 ? $"6 tháng đầu năm {year}" : $"6 tháng cuối năm {year}", half == 1 ? 2 : 4,
                        new Deadline(half == 1 ? DeadlineRule.FirstHalf : DeadlineRule.SecondHalf, phrase, to)));
                }
            }
        }
        return list;
    }

    private static List<Occurrence> Weeks(string text, string phrase, PlanPeriod period)
    {
        var weekday = WeekdayOf(text);
        var list = new List<Occurrence>();
        var day = period.Start;
        while (day.DayOfWeek != weekday)
        {
            day = day.PlusDays(1);
        }
        for (; day <= period.End; day = day.PlusWeeks(1))
        {
            var week = WeekYearRules.Iso.GetWeekOfWeekYear(day);
            var weekYear = WeekYearRules.Iso.GetWeekYear(day);
            list.Add(new Occurrence(string.Create(CultureInfo.InvariantCulture, $"{weekYear}-w{week:D2}"), $"tuần {week}/{weekYear}", QuarterOf(day.Month),
                new Deadline(DeadlineRule.OnDate, phrase, day)));
        }
        return list;
    }

    /// <summary>
    /// Two or more days written out, each its own deadline: "Báo cáo 6 tháng (trước 15/6) và năm (trước 15/11)". A range
    /// ("từ 01/3 đến 30/4") is one deadline, not two.
    /// </summary>
    private static List<Occurrence>? StatedDates(string text, string phrase, PlanPeriod period)
    {
        var dates = StatedDate().Matches(text);
        if (dates.Count < 2 || Range().IsMatch(text))
        {
            return null;
        }
        var list = new List<Occurrence>();
        var previous = 0;
        foreach (Match m in dates)
        {
            var label = Label(text[previous..m.Index]);
            previous = m.Index + m.Length;
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : period.YearOf(month);
            var dayOfMonth = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return null;
            }
            var date = new LocalDate(year, month, dayOfMonth);
            var before = m.Groups["kind"].Value.StartsWith("trước", StringComparison.OrdinalIgnoreCase);
            var due = before ? date.PlusDays(-1) : date;
            var n = list.Count + 1;
            list.Add(new Occurrence(string.Create(CultureInfo.InvariantCulture, $"l{n}"), label.Length > 0 ? "kỳ " + label : $"lần {n}", QuarterOf(due.Month),
                new Deadline(before ? DeadlineRule.BeforeDate : DeadlineRule.OnDate, phrase, due)));
        }
        return list;
    }

    /// <summary>What names a stated date's period, from the words before it: "Báo cáo 6 tháng, trước" gives "6 tháng".</summary>
    private static string Label(string before)
    {
        var words = LabelNoise().Replace(before, " ");
        return VietnameseText.Clean(words).Trim(' ', ',', ';', ':', '-', '–').ToLower(VietnameseText.Culture);
    }

    private static LocalDate Day(YearMonth month, Match day)
    {
        var n = int.Parse(day.Groups["d"].Value, CultureInfo.InvariantCulture);
        var days = CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month);
        if (n > days || n < 1)
        {
            return LastDay(month);
        }
        var date = month.OnDayOfMonth(n);
        return Before(day) ? date.PlusDays(-1) : date;
    }

    private static bool Before(Match day) => day.Groups["kind"].Value.StartsWith("trước", StringComparison.OrdinalIgnoreCase);

    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month));

    private static string Code(YearMonth month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year}-{month.Month:D2}");

    private static int QuarterOf(int month) => ((month - 1) / 3) + 1;

    private static IsoDayOfWeek WeekdayOf(string text)
    {
        var m = Weekday().Match(text);
        if (!m.Success)
        {
            return IsoDayOfWeek.Friday;
        }
        return m.Groups["w"].Value.ToLower(VietnameseText.Culture) switch
        {
            "hai" or "2" => IsoDayOfWeek.Monday,
            "ba" or "3" => IsoDayOfWeek.Tuesday,
            "tư" or "4" => IsoDayOfWeek.Wednesday,
            "năm" or "5" => IsoDayOfWeek.Thursday,
            "sáu" or "6" => IsoDayOfWeek.Friday,
            "bảy" or "7" => IsoDayOfWeek.Saturday,
            _ => IsoDayOfWeek.Sunday,
        };
    }

    [GeneratedRegex(@"(?:\b(?:hằng|hàng|mỗi)\s+tuần\b|\btuần\s+một\s+lần\b|\bđịnh\s+kỳ\s+(?:hằng\s+|hàng\s+)?tuần\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekly();

    [GeneratedRegex(@"(?:\b(?:hằng|hàng|mỗi)\s+tháng\b|(?<!\d\s{0,3})\btháng\s+một\s+lần\b|\bđịnh\s+kỳ\s+tháng\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Monthly();

    /// <summary>"Hằng quý", "Định kỳ quý", "3 tháng một lần", "Định kỳ 03 tháng", "tháng cuối (mỗi) quý", "Báo cáo quý" (not "Báo cáo quý I").</summary>
    [GeneratedRegex(@"(?:\b(?:hằng|hàng|mỗi)\s+quý\b|\bquý\s+một\s+lần\b|\bđịnh\s+kỳ\s+quý\b|\btheo\s+quý\b|\b0?3\s+tháng\s*(?:một\s+lần|/\s*lần)|\bđịnh\s+kỳ\s+0?3\s+tháng\b"
        + @"|\btháng\s+(?:cuối|đầu)\s+(?:của\s+)?(?:mỗi\s+)?quý\b(?!\s+(?:I|II|III|IV|[1-4])\b)|\bbáo\s+cáo\s+quý\b(?!\s+(?:I|II|III|IV|[1-4])\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"\btháng\s+(?:sau|tiếp\s+theo|kế\s+tiếp)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextMonth();

    /// <summary>"Định kỳ 6 tháng", "6 tháng một lần", "6 tháng/lần", "Hằng 6 tháng", "Sơ kết 6 tháng và tổng kết năm", "6 tháng, năm".</summary>
    [GeneratedRegex(@"(?:\b0?6\s+tháng\s*(?:một\s+lần|/\s*lần|/\s*1\s+lần)|\b(?:hằng|hàng|mỗi|định\s+kỳ)\s+0?6\s+tháng\b|\b0?6\s+tháng\s*(?:,|và|;)\s*(?:\S+\s+){0,2}năm\b"
        + @"|\b6\s+tháng\s+đầu\s+năm\s*(?:,|và|;)\s*(?:\S+\s+){0,2}năm\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HalfYearly();

    /// <summary>"trước ngày 20", "ngày 25", "chậm nhất ngày 5", "vào ngày 10": a day of the month, not a full date.</summary>
    [GeneratedRegex(@"(?<kind>trước(?:\s+ngày)?|chậm\s+nhất(?:\s+là)?(?:\s+ngày)?|vào(?:\s+ngày)?|ngày)\s+(?<d>\d{1,2})\b(?!\s*[/.-]\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"tháng\s+đầu(?:\s+của)?\s+quý\s+(?:sau|tiếp\s+theo|kế\s+tiếp)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextQuarterMonth();

    [GeneratedRegex(@"(?:chiều|sáng)?\s*(?:thứ\s+(?<w>hai|ba|tư|năm|sáu|bảy|[2-7])|(?<w>chủ\s+nhật))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<kind>trước|chậm\s+nhất(?:\s+là)?|ngày|)\s*(?:ngày\s+)?(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedDate();

    [GeneratedRegex(@"\btừ\b[^/]*\d\s*[/.-]\s*\d.*\bđến\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:báo\s+cáo|định\s+kỳ|gửi|và|hoàn\s+thành|thời\s+hạn|trước|chậm\s+nhất(?:\s+là)?|ngày|lần)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelNoise();
}
