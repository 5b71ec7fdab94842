
namespace Tdkt.Plans;

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
