using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Clock;

namespace Tdkt.Plans;

/// <summary>
/// Copies a plan of year Y into a draft for Y+1: quarter deadlines recomputed, dated deadlines moved a
/// year (29/02 becomes 28/02), and "năm Y-1", "năm Y", "năm Y+1" in titles and content shifted by one.
/// The draft has no number until the new plan is issued (<see cref="DraftNumber"/>); agencies replaced by a
/// successor from the new year are given to it; phrases that do not move by a year on their own ("giai đoạn
/// 2021 - 2025", "lần thứ Tư", "nhiệm kỳ") are listed for review (field <c>review</c>).
/// </summary>
public static partial class RollForward
{
    /// <summary>The number of a draft not issued yet: <c>tdkt plan set-number</c> gives it the issued one.</summary>
    public const string DraftNumber = "";

    /// <summary>The id of next year's draft of <paramref name="plan"/>: "2024-du-thao-252-kh-ubnd".</summary>
    public static PlanId DraftId(Plan plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rest = plan.Id.Value.StartsWith($"{plan.Year}-", StringComparison.Ordinal) ? plan.Id.Value[5..] : plan.Id.Value;
        if (rest.StartsWith("du-thao-", StringComparison.Ordinal))
        {
            rest = rest["du-thao-".Length..];
        }
        return new PlanId($"{year}-du-thao-{rest}");
    }

    public static (Plan Draft, IReadOnlyList<RollForwardChange> Changes) ToNextYear(Plan plan, int year, Agencies.AgencyDirectory? directory = null)
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
        // A recurring duty moves as written (once), and its occurrences are those of the new year.
        var tasks = TaskSeries.Written(plan.Tasks).SelectMany(written =>
        {
            var task = written.Written;
            var content = ShiftYears(task.Content, plan.Year, shift);
            Note(task.Number, "content", task.Content, content);
            var occurrences = task.Series is null ? null : Recurrence.Parse(ShiftPhrase(task.Deadline.Phrase, plan.Year, shift), PlanPeriod.CalendarYear(year), out _);
            var deadline = occurrences is { Count: > 0 } ? occurrences[0].Deadline : Move(task.Deadline, plan.Year, year, shift);
            Note(task.Number, "deadline", $"{task.Deadline.Phrase} ({VietnamTime.ShortDate(task.Deadline.Due)})", $"{deadline.Phrase} ({VietnamTime.ShortDate(deadline.Due)})");
            Review(task.Number, content);
            var moved = task with { Content = content, Deadline = deadline, Series = null };
            moved = directory is null ? moved : ToSuccessors(moved, directory, new LocalDate(year, 1, 1));
            return occurrences is { Count: > 0 } ? occurrences.Select(o => TaskSeries.Occurrence(moved, o)) : [moved];
        }).ToValueList();
        Review("", title);
        var draft = plan with
        {
            Id = DraftId(plan, year),
            Number = DraftNumber,
            Title = title,
            IssuedOn = plan.IssuedOn.PlusYears(shift),
            Year = year,
            Status = PlanStatus.Draft,
            Tasks = tasks,
        };
        Note("", "number", plan.Number, "(chưa có: ghi số của kế hoạch mới bằng tdkt plan set-number)");
        Note("", "issuedOn", VietnamTime.ShortDate(plan.IssuedOn), VietnamTime.ShortDate(draft.IssuedOn) + " (cần sửa theo văn bản mới)");
        return (draft, changes);

        // Phrases a year's shift does not make right: a period, an ordinal of an event, a term, a year far from the plan's.
        void Review(string task, string text)
        {
            foreach (var phrase in NotShifting(text, year))
            {
                changes.Add(new RollForwardChange(task, "review", phrase, "không tự đổi theo năm: cần rà soát"));
            }
        }

        PlanTask ToSuccessors(PlanTask task, Agencies.AgencyDirectory names, LocalDate on)
        {
            var mapped = task.Agencies.Select(a => names.SuccessorOn(a, on)).ToList();
            if (mapped.SequenceEqual(task.Agencies))
            {
                return task;
            }
            var leads = mapped.Take(task.Leads).Distinct().ToList();
            var agencies = leads.Concat(mapped.Skip(task.Leads).Distinct().Where(a => !leads.Contains(a))).ToValueList();
            string Names(IEnumerable<Agencies.AgencyId> ids) => string.Join(", ", ids.Select(a => names.Find(a)?.Name ?? a.Value));
            Note(task.Number, "agencies", Names(task.Agencies), Names(agencies) + " (cơ quan đã được thay thế)");
            return task with { Agencies = agencies, Leads = Math.Max(1, leads.Count) };
        }

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
        DeadlineRule.SecondHalf or DeadlineRule.EndOfYear or DeadlineRule.Ongoing or DeadlineRule.Undated =>
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

    /// <summary>The phrases of <paramref name="text"/> that a year's shift leaves as they were and may need changing by hand.</summary>
    public static IEnumerable<string> NotShifting(string text, int newYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in NotShiftingPhrase().Matches(text))
        {
            yield return m.Value.Trim();
        }
        foreach (Match m in YearAfterNam().Matches(text))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (Math.Abs(y - newYear) > 1)
            {
                yield return m.Value.Trim();
            }
        }
    }

    /// <summary>"giai đoạn 2021 - 2025", "2021-2025", "lần thứ Tư", "lần thứ 5", "nhiệm kỳ 2020 - 2025", "khóa XVII".</summary>
    [GeneratedRegex(@"\b(?:giai đoạn\s+)?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\blần thứ\s+(?:\d+|[IVXLC]+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)\b|\bnhiệm kỳ\b[^,;.]{0,20}|\bkhóa\s+[IVXLC]+\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NotShiftingPhrase();

    [GeneratedRegex(@"(?<lead>\bnăm\s+)(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearAfterNam();

    [GeneratedRegex(@"(?<d>\d{1,2})(?<s1>\s*[/.-]\s*)(?<m>\d{1,2})(?<s2>\s*[/.-]\s*)(?<y>\d{4})")]
    private static partial Regex DateIn();
}
