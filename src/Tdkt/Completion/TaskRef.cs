using Tdkt.Assignments;
using Tdkt.Plans;

namespace Tdkt.Completion;

/// <summary>A task of a plan as named in an agency-page URL: "{plan}~{task key}", e.g. 2023-252-kh-ubnd~0003.</summary>
public readonly record struct TaskRef(PlanId Plan, string TaskKey)
{
    public override string ToString() => $"{Plan.Value}~{TaskKey}";

    /// <summary>The id of the task's section on the agency page.</summary>
    public string Anchor => $"nv-{Plan.Value}-{TaskKey}";

    public string AssignmentKey(string agency) => new AssignmentKey(TaskKey, agency).Value;

    public static TaskRef? Parse(string? text)
    {
        if (text is null || text.Length > 200 || text.Split('~') is not [var plan, var task] || !IsSlug(plan) || !IsKey(task))
        {
            return null;
        }
        return new TaskRef(new PlanId(plan), task);
    }

    /// <summary>Whether <paramref name="text"/> can be a task key (a-z, 0-9 and '-', at most 100 characters).</summary>
    public static bool IsKey(string? text) => text is { Length: > 0 and <= 100 } && IsSlug(text);

    private static bool IsSlug(string part) => part.Length > 0 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
