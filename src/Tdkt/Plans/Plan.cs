using NodaTime;
using Tdkt.Agencies;

namespace Tdkt.Plans;

public enum PlanStatus
{
    Draft,
    Active,
    Archived,
}

/// <summary>A yearly work plan as issued ("Kế hoạch số 252/KH-UBND ngày 21/12/2022 của UBND tỉnh Lạng Sơn").</summary>
public sealed record Plan(
    PlanId Id,
    string Number,
    string Title,
    string Issuer,
    LocalDate IssuedOn,
    int Year,
    PlanStatus Status,
    ValueList<PlanTask> Tasks)
{
    /// <summary>Every (task, agency) pair: the unit that is reminded and marked done.</summary>
    public IEnumerable<(PlanTask Task, AgencyId Agency, bool IsLead)> Assignments =>
        Tasks.SelectMany(t => t.Agencies.Select((a, i) => (t, a, i < t.Leads)));
}

/// <summary>
/// One numbered task. <see cref="Agencies"/> is ordered as the plan lists them: the first <see cref="Leads"/> lead ("chủ trì"), the others support.
/// <see cref="Quarter"/> is the section it was listed under (or the quarter of its date for prose tasks).
/// </summary>
public sealed record PlanTask(
    string Number,
    string Content,
    int Quarter,
    Deadline Deadline,
    ValueList<AgencyId> Agencies)
{
    /// <summary>
    /// The task's identity in storage: its completions belong to it. By default the key of its number
    /// (<see cref="KeyFor"/>); a key given in the file, or the key of the stored task it was matched to on a
    /// re-import (<see cref="TaskIdentity"/>), survives renumbering.
    /// </summary>
    public string Key { get; init; } = KeyFor(Number);

    /// <summary>How many of <see cref="Agencies"/>, from the first, lead the task: 1 unless the plan names several "chủ trì".</summary>
    public int Leads { get; init; } = 1;

    /// <summary>
    /// For one occurrence of a recurring duty ("Hằng tháng, trước ngày 20"): the task as the plan numbers it and which
    /// occurrence this is. Each occurrence is a task of its own (its own key, deadline, reminders and confirmations);
    /// its <see cref="Number"/> names the occurrence ("5 (tháng 01/2026)").
    /// </summary>
    public TaskSeries? Series { get; init; }

    /// <summary>The agencies that lead the task.</summary>
    public IEnumerable<AgencyId> LeadAgencies => Agencies.Take(Leads);

    /// <summary>A fixed-width, storage-safe key that sorts as the plan does ("7" -> "0007", "III.1" -> "iii-1").</summary>

    public static string KeyFor(string number) =>
        number.All(char.IsAsciiDigit) && number.Length <= 4
            ? number.PadLeft(4, '0')
            : Input.VietnameseText.Slug(number);
}

/// <summary>
/// Which occurrence of a recurring duty a task is: the duty's <see cref="Number"/> and <see cref="Key"/> as the plan
/// writes it, the occurrence's <see cref="Code"/> (its key is "{Key}-{Code}") and <see cref="Label"/> ("tháng 01/2026").
/// </summary>
public sealed record TaskSeries(string Number, string Key, string Code, string Label)
{
    /// <summary>The number an occurrence goes by: "5 (tháng 01/2026)".</summary>
    public static string NumberOf(string number, string label) => $"{number} ({label})";

    public static string KeyOf(string key, string code) => $"{key}-{code}";

    /// <summary>The duty's number in an occurrence's number ("5" in "5 (tháng 01/2026)"), or null for a task with one deadline (a plan's numbers hold no space).</summary>
    public static string? SeriesNumberOf(string taskNumber)
    {
        ArgumentNullException.ThrowIfNull(taskNumber);
        var cut = taskNumber.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 && taskNumber.EndsWith(')') ? taskNumber[..cut] : null;
    }

    /// <summary>An occurrence of the duty <paramref name="task"/> (its number and key as written).</summary>
    public static PlanTask Occurrence(PlanTask task, Occurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(occurrence);
        return task with
        {
            Number = NumberOf(task.Number, occurrence.Label),
            Key = KeyOf(task.Key, occurrence.Code),
            Quarter = occurrence.Quarter,
            Deadline = occurrence.Deadline,
            Series = new TaskSeries(task.Number, task.Key, occurrence.Code, occurrence.Label),
        };
    }

    /// <summary>
    /// The tasks as the plan writes them: each recurring duty once (its first occurrence, with the duty's number and key),
    /// with the indexes of its occurrences in <paramref name="tasks"/>; every other task alone.
    /// </summary>
    public static IReadOnlyList<(PlanTask Written, IReadOnlyList<int> Occurrences)> Written(IReadOnlyList<PlanTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var result = new List<(PlanTask, IReadOnlyList<int>)>();
        var bySeries = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.Series is not { } series)
            {
                result.Add((task, [i]));
            }
            else if (bySeries.TryGetValue(series.Key, out var list))
            {
                list.Add(i);
            }
            else
            {
                list = [i];
                bySeries[series.Key] = list;
                result.Add((task with { Number = series.Number, Key = series.Key }, list));
            }
        }
        return result;
    }
}
