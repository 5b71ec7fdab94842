
namespace Tdkt.Assignments;

/// <summary>
/// The key of one task × agency assignment, "{task key}--{agency}" (e.g. "0003--so-noi-vu"): its row key in the plan's
/// Assignments partition, and, after "{plan}~", its row key in the due-date index.
/// </summary>
public readonly record struct AssignmentKey(string TaskKey, string Agency)
{
    private const string Separator = "--";

    public string Value => TaskKey + Separator + Agency;

    public override string ToString() => Value;

    /// <summary>The assignment's row key in the due-date index (partition = its due date).</summary>
    public string IndexRowKey(string plan) => $"{plan}~{Value}";

    public static AssignmentKey Parse(string rowKey) =>
        TryParse(rowKey) ?? throw new FormatException($"“{rowKey}” is not an assignment key (task--agency).");

    public static AssignmentKey? TryParse(string? rowKey)
    {
        var split = rowKey?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        return split > 0 && split + Separator.Length < rowKey!.Length ? new AssignmentKey(rowKey[..split], rowKey[(split + Separator.Length)..]) : null;
    }

    /// <summary>Row keys from <c>From</c> (inclusive) to <c>To</c> (exclusive) hold exactly the task's assignments ('.' follows '-').</summary>
    public static (string From, string To) RangeOf(string taskKey) => (taskKey + Separator, taskKey + "-.");
}
