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

    /// <summary>Parses a phrase written as a task's deadline; <paramref name="error"/> says why not when it returns null.</summary>
    public static Deadline? Parse(string phrase, int planYear, out string? error)
    {
        var clean = VietnameseText.Clean(phrase.Replace("*", "", StringComparison.Ordinal));
        if (QuarterSection().Match(clean) is { Success: true } q)
        {
            error = null;
            return EndOfQuarter(Quarters.FromRoman(q.Groups["q"].Value)!.Value, planYear, clean);
        }
        var deadline = Find(clean, planYear, anywhere: false, out error);
        if (deadline is null)
        {
            error ??= $"Không hiểu thời hạn “{clean}”. Cách viết được chấp nhận: “QUÝ I”, “trước ngày 15/01/2023”, " +
                "“ngày 15/01/2023”, “chậm nhất ngày 15/01/2023”, “trong ngày 15/01/2023”, “tháng 3”, “6 tháng đầu năm”.";
        }
        return deadline;
    }

    /// <summary>
    /// Finds an explicit deadline inside a task's content ("… gửi về Sở Nội vụ trước ngày 15/01/2023"). Only
    /// phrases that can only mean a deadline count: a bare "ngày 09/12/2021" in content usually dates a cited document.
    /// </summary>
    public static Deadline? FindInContent(string content, int planYear, out string? error) =>
        Find(VietnameseText.Clean(content.Replace("*", "", StringComparison.Ordinal)), planYear, anywhere: true, out error);

    private static Deadline? Find(string text, int planYear, bool anywhere, out string? error)
    {
        error = null;
        var dated = (anywhere ? DatedInContent() : DatedPhrase()).Match(text);
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
        var month = (anywhere ? MonthInContent() : MonthPhrase()).Match(text);
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

    [GeneratedRegex(@"^QUÝ\s+(?<q>IV|III|II|I)(?:\s*(?:/|năm)\s*\d{4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterSection();

    [GeneratedRegex(@"^(?<kind>trước|chậm nhất(?: là)?|trong|hạn(?: chót)?|)\s*ngày\s+" + Date + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedPhrase();

    [GeneratedRegex(@"(?<kind>trước|chậm nhất(?: là)?|trong|hạn(?: chót)?)\s+ngày\s+" + Date, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatedInContent();

    [GeneratedRegex(@"6 tháng đầu năm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstHalf();

    [GeneratedRegex(@"^(?:trong |hết |cuối )?tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthPhrase();

    [GeneratedRegex(@"(?:trong|hết|cuối) tháng\s+(?<m>\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthInContent();
}
