using System.Text.Json.Nodes;

namespace Tdkt.Plans;

/// <summary>A plan's reminder policy and the tasks that have their own (by task key). Stored as JSON on the plan row.</summary>
public sealed record PlanReminders(ReminderPolicy Plan, IReadOnlyDictionary<string, ReminderPolicy> Tasks)
{
    public static PlanReminders Default { get; } = new(ReminderPolicy.Default, new Dictionary<string, ReminderPolicy>());

    public ReminderPolicy For(string taskKey) => Tasks.TryGetValue(taskKey, out var own) ? own : Plan;

    /// <summary>Every distinct policy in use, so the sweep can work out which due dates can speak today.</summary>
    public IEnumerable<ReminderPolicy> All => Tasks.Values.Prepend(Plan).Distinct();

    public PlanReminders With(string? taskKey, ReminderPolicy policy) => taskKey is null
        ? this with { Plan = policy }
        : this with { Tasks = new Dictionary<string, ReminderPolicy>(Tasks) { [taskKey] = policy } };

    public string ToJson()
    {
        var tasks = new JsonObject();
        foreach (var (key, policy) in Tasks.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tasks[key] = JsonNode.Parse(policy.ToJson());
        }
        return new JsonObject { ["plan"] = JsonNode.Parse(Plan.ToJson()), ["tasks"] = tasks }.ToJsonString();
    }

    public static PlanReminders FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Default;
        }
        var root = JsonNode.Parse(json)!.AsObject();
        var tasks = root["tasks"]?.AsObject().ToDictionary(t => t.Key, t => ReminderPolicy.FromJson(t.Value!.ToJsonString()), StringComparer.Ordinal)
            ?? [];
        return new PlanReminders(ReminderPolicy.FromJson(root["plan"]!.ToJsonString()), tasks);
    }
}
