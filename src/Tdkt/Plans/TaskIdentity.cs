using System.Globalization;
using System.Text;

namespace Tdkt.Plans;

/// <summary>
/// Gives each task of an imported plan its identity (its storage key, under which its completions are kept), so a
/// corrected plan that inserts, removes or renumbers tasks keeps each completion on its task:
/// <list type="number">
/// <item>a key the file gives is the task's key;</item>
/// <item>otherwise the task takes the key of the stored task with the same text (normalised: case, spacing and
/// punctuation do not count), preferring the one with the same number;</item>
/// <item>otherwise of the stored task most similar to it (shared words), if similar enough: half the words with
/// the same number, four fifths with another;</item>
/// <item>a task matched to nothing is new: the key of its number, unless a stored task (even a removed one) or
/// another task has it, then that key with "-2", "-3", …, so it never inherits another task's completions.</item>
/// </list>
/// Pure: the same file against the same stored plan always gives the same keys.
/// </summary>
public static class TaskIdentity
{
    private const double SameNumberSimilarity = 0.5;
    private const double OtherNumberSimilarity = 0.8;

    /// <summary>Above this many candidate pairs only tasks with the same number are compared (bounded time on a 5,000-task plan).</summary>
    private const long MaxPairs = 250_000;

    public static Plan Resolve(Plan plan, IReadOnlySet<string> keyedNumbers, IReadOnlyList<StoredTask> stored)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(keyedNumbers);
        ArgumentNullException.ThrowIfNull(stored);
        // Identity is the written task's: a recurring duty is matched once, and its occurrences take their keys from its key.
        var written = TaskSeries.Written(plan.Tasks);
        var tasks = written.Select(w => w.Written).ToValueList();
        stored = StoredTask.Written(stored);
        var keys = new string?[tasks.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (keyedNumbers.Contains(tasks[i].Number))
            {
                keys[i] = tasks[i].Key;
                used.Add(tasks[i].Key);
            }
        }

        var open = stored.Where(s => !s.Removed && !used.Contains(s.Key)).ToList();
        MatchExact(tasks, keys, open, used);
        MatchSimilar(tasks, keys, open, used);

        var taken = new HashSet<string>(stored.Select(s => s.Key), StringComparer.Ordinal);
        taken.UnionWith(used);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (keys[i] is null)
            {
                var key = PlanTask.KeyFor(tasks[i].Number);
                for (var n = 2; taken.Contains(key); n++)
                {
                    key = $"{PlanTask.KeyFor(tasks[i].Number)}-{n.ToString(CultureInfo.InvariantCulture)}";
                }
                keys[i] = key;
                taken.Add(key);
            }
        }
        var resolved = new PlanTask[plan.Tasks.Count];
        for (var i = 0; i < written.Count; i++)
        {
            foreach (var index in written[i].Occurrences)
            {
                var task = plan.Tasks[index];
                resolved[index] = task.Series is { } series
                    ? task with { Key = TaskSeries.KeyOf(keys[i]!, series.Code), Series = series with { Key = keys[i]! } }
                    : task with { Key = keys[i]! };
            }
        }
        return plan with { Tasks = resolved.ToValueList() };
    }

    private static void MatchExact(ValueList<PlanTask> tasks, string?[] keys, List<StoredTask> open, HashSet<string> used)
    {
        var byText = open.GroupBy(s => Normalise(s.Content), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Same number first, so two tasks with one text each keep their own.
        foreach (var sameNumberOnly in new[] { true, false })
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if (keys[i] is not null || !byText.TryGetValue(Normalise(tasks[i].Content), out var candidates))
                {
                    continue;
                }
                var match = candidates.FirstOrDefault(s => !used.Contains(s.Key) && (!sameNumberOnly || s.Number == tasks[i].Number));
                if (match is not null)
                {
                    keys[i] = match.Key;
                    used.Add(match.Key);
                }
            }
        }
    }

    private static void MatchSimilar(ValueList<PlanTask> tasks, string?[] keys, List<StoredTask> open, HashSet<string> used)
    {
        var left = Enumerable.Range(0, tasks.Count).Where(i => keys[i] is null).ToList();
        var right = open.Where(s => !used.Contains(s.Key)).ToList();
        if (left.Count == 0 || right.Count == 0)
        {
            return;
        }
        var sameNumberOnly = (long)left.Count * right.Count > MaxPairs;
        var rightWords = right.Select(s => Words(s.Content)).ToList();
        var pairs = new List<(double Score, bool SameNumber, int Task, int Stored)>();
        foreach (var i in left)
        {
            var words = Words(tasks[i].Content);
            for (var j = 0; j < right.Count; j++)
            {
                var sameNumber = right[j].Number == tasks[i].Number;
                if (sameNumberOnly && !sameNumber)
                {
                    continue;
                }
                var score = Similarity(words, rightWords[j]);
                if (score >= (sameNumber ? SameNumberSimilarity : OtherNumberSimilarity))
                {
                    pairs.Add((score, sameNumber, i, j));
                }
            }
        }
        foreach (var (_, _, task, j) in pairs.OrderByDescending(p => p.Score).ThenByDescending(p => p.SameNumber).ThenBy(p => p.Task).ThenBy(p => p.Stored))
        {
            if (keys[task] is null && !used.Contains(right[j].Key))
            {
                keys[task] = right[j].Key;
                used.Add(right[j].Key);
            }
        }
    }

    /// <summary>The text as compared: lower case, letters and digits only, single spaces (diacritics count: "hạn" is not "hàn").</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }

    private static HashSet<string> Words(string text) => Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dice coefficient of the two word sets: 1 when equal, 0 when they share nothing.</summary>
    private static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 1 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
}
