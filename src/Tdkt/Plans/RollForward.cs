using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Hosting;

namespace Tdkt.Plans;

/// <summary>One thing roll-forward changed, for the administrator to review before activating.</summary>
public sealed record RollForwardChange(string Task, string Field, string Before, string After);

/// <summary>
/// Copies a plan of year Y into a draft for Y+1: quarter deadlines recomputed, dated deadlines moved a
/// year (29/02 becomes 28/02), and "năm Y-1", "năm Y", "năm Y+1" in titles and content shifted by one.
/// </summary>
public static partial class RollForward
{
    public static (Plan Draft, IReadOnlyList<RollForwardChange> Changes) ToNextYear(Plan plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var shift = year - plan.Year;
        if (shift <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Năm mới phải sau năm {plan.Year} của kế hoạch.");
        }
        var changes = new List<RollForwardChange>();
        var title = ShiftYears(plan.Title, plan.Year, shift);
        Note("", "title", plan.Title, title);
        var tasks = plan.Tasks.Select(task =>
        {
            var content = ShiftYears(task.Content, plan.Year, shift);
            Note(task.Number, "content", task.Content, content);
            var deadline = Move(task.Deadline, plan.Year, year, shift);
            Note(task.Number, "deadline", $"{task.Deadline.Phrase} ({VietnamTime.ShortDate(task.Deadline.Due)})", $"{deadline.Phrase} ({VietnamTime.ShortDate(deadline.Due)})");
            return task with { Content = content, Deadline = deadline };
        }).ToValueList();
        var draft = plan with
        {
            Id = PlanId.For(year, plan.Number),
            Title = title,
            IssuedOn = plan.IssuedOn.PlusYears(shift),
            Year = year,
            Status = PlanStatus.Draft,
            Tasks = tasks,
        };
        Note("", "issuedOn", VietnamTime.ShortDate(plan.IssuedOn), VietnamTime.ShortDate(draft.IssuedOn) + " (cần sửa theo văn bản mới)");
        return (draft, changes);

        void Note(string task, string field, string before, string after)
        {
            if (before != after)
            {
                changes.Add(new RollForwardChange(task, field, before, after));
            }
        }
    }

    private static Deadline Move(Deadline deadline, int oldYear, int newYear, int shift) => deadline.Rule switch
    {
        DeadlineRule.EndOfQuarter => DeadlineRules.EndOfQuarter((deadline.Due.Month + 2) / 3, newYear, ShiftPhrase(deadline.Phrase, oldYear, shift)),
        DeadlineRule.FirstHalf => new Deadline(deadline.Rule, ShiftPhrase(deadline.Phrase, oldYear, shift), new LocalDate(newYear, 6, 30)),
        DeadlineRule.SecondHalf or DeadlineRule.EndOfYear or DeadlineRule.Ongoing =>
            new Deadline(deadline.Rule, ShiftPhrase(deadline.Phrase, oldYear, shift), new LocalDate(newYear, 12, 31)),
        DeadlineRule.EndOfMonth => new Deadline(deadline.Rule, ShiftPhrase(deadline.Phrase, oldYear, shift),
            new LocalDate(deadline.Due.Year + shift, deadline.Due.Month, CalendarSystem.Iso.GetDaysInMonth(deadline.Due.Year + shift, deadline.Due.Month))),
        // A "trước ngày D" deadline moves D, then takes the day before it again.
        DeadlineRule.BeforeDate => MovedPhrase(deadline, oldYear, shift, d => d.PlusDays(-1)),
        _ => MovedPhrase(deadline, oldYear, shift, d => d),
    };

    private static Deadline MovedPhrase(Deadline deadline, int oldYear, int shift, Func<LocalDate, LocalDate> due)
    {
        var phrase = ShiftPhrase(deadline.Phrase, oldYear, shift);
        if (DateIn().Match(phrase) is not { Success: true } written)
        {
            // "trước ngày 15/3": the year is the plan's, so only the due date moves.
            return deadline with { Due = deadline.Due.PlusYears(shift) };
        }
        var date = new LocalDate(int.Parse(written.Groups["y"].Value, CultureInfo.InvariantCulture),
            int.Parse(written.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(written.Groups["d"].Value, CultureInfo.InvariantCulture));
        return deadline with { Phrase = phrase, Due = due(date) };
    }

    /// <summary>A deadline phrase a year on: its dates ("15/3/2025"), and the years it names near the plan's ("Quý II/2025", "năm 2025").</summary>
    private static string ShiftPhrase(string phrase, int planYear, int shift) => YearInPhrase().Replace(ShiftDates(phrase, shift), m =>
    {
        var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
        return Math.Abs(year - planYear) <= 1 ? (year + shift).ToString(CultureInfo.InvariantCulture) : m.Value;
    });

    /// <summary>A four-digit year not ending a d/m/y date (those <see cref="ShiftDates"/> has moved already).</summary>
    [GeneratedRegex(@"(?<!\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)\b(?:19|20)\d\d\b")]
    private static partial Regex YearInPhrase();

    private static string ShiftDates(string text, int shift) => DateIn().Replace(text, m =>
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) + shift;
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = Math.Min(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), CalendarSystem.Iso.GetDaysInMonth(year, month));
        return string.Create(CultureInfo.InvariantCulture, $"{day:00}{m.Groups["s1"].Value}{month:00}{m.Groups["s2"].Value}{year}");
    });

    private static string ShiftYears(string text, int planYear, int shift) => YearAfterNam().Replace(text, m =>
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return Math.Abs(year - planYear) <= 1
            ? m.Groups["lead"].Value + (year + shift).ToString(CultureInfo.InvariantCulture)
            : m.Value;
    });

    [GeneratedRegex(@"(?<lead>\bnăm\s+)(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearAfterNam();

    [GeneratedRegex(@"(?<d>\d{1,2})(?<s1>\s*[/.-]\s*)(?<m>\d{1,2})(?<s2>\s*[/.-]\s*)(?<y>\d{4})")]
    private static partial Regex DateIn();
}
