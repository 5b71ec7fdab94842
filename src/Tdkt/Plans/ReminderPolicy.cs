using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tdkt.Plans;

/// <summary>
/// When an agency is reminded of a task. The default is the product's rule; a plan, or a single task,
/// can replace it (<c>tdkt plan reminders</c>).
/// </summary>
/// <param name="Kickoff">List the quarter's tasks on its first working day (or the first working day after activation).</param>
/// <param name="BeforeDue">Working days before the deadline on which to send a "due soon" notice.</param>
/// <param name="DueDay">Send a notice on the deadline (or the last working day before it).</param>
/// <param name="OverdueEvery">After the deadline: a notice on the first working day, then every this many working days.</param>
/// <param name="EscalateAfter">From this many working days overdue, notices copy the supervising agency; 0 never escalates.</param>
public sealed record ReminderPolicy(bool Kickoff, ValueList<int> BeforeDue, bool DueDay, int OverdueEvery, int EscalateAfter)
{
    public static ReminderPolicy Default { get; } = new(true, new ValueList<int>([5, 1]), true, 3, 5);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Problems with this policy, in Vietnamese; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BeforeDue.Any(d => d is < 1 or > 60) || BeforeDue.Distinct().Count() != BeforeDue.Count)
        {
            problems.Add("Số ngày nhắc trước hạn phải là các số khác nhau từ 1 đến 60.");
        }
        if (OverdueEvery is < 1 or > 30)
        {
            problems.Add("Chu kỳ nhắc quá hạn phải từ 1 đến 30 ngày làm việc.");
        }
        if (EscalateAfter is < 0 or > 60)
        {
            problems.Add("Số ngày quá hạn để báo cơ quan theo dõi phải từ 0 (không báo) đến 60.");
        }
        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Kickoff, [.. BeforeDue], DueDay, OverdueEvery, EscalateAfter), Json);

    public static ReminderPolicy FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new FormatException("Empty reminder policy.");
        return new ReminderPolicy(s.Kickoff, new ValueList<int>(s.BeforeDue ?? []), s.DueDay, s.OverdueEvery, s.EscalateAfter);
    }

    private sealed record Stored(
        [property: JsonPropertyName("kickoff")] bool Kickoff,
        [property: JsonPropertyName("beforeDue")] int[]? BeforeDue,
        [property: JsonPropertyName("dueDay")] bool DueDay,
        [property: JsonPropertyName("overdueEvery")] int OverdueEvery,
        [property: JsonPropertyName("escalateAfter")] int EscalateAfter);
}
