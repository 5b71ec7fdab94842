using NodaTime;

namespace Tdkt.Plans;

/// <summary>A task's deadline: the rule, the phrase exactly as the plan wrote it (shown to users), and the computed last allowed day.</summary>
/// <remarks>
/// An <see cref="DeadlineRule.Ongoing"/> or <see cref="DeadlineRule.Undated"/> task has no due date: <see cref="Due"/> holds
/// the plan year's last day only so that it sorts last.
/// </remarks>
public sealed record Deadline(DeadlineRule Rule, string Phrase, LocalDate Due)
{
    /// <summary>Whether the task has no due date of its own: ongoing ("Thường xuyên") or not dated yet ("Khi có yêu cầu").</summary>
    public bool IsOngoing => Rule is DeadlineRule.Ongoing or DeadlineRule.Undated;

    /// <summary>Whether the plan gives no fixed date yet: shown as "chưa có thời hạn cụ thể" until an administrator sets one.</summary>
    public bool IsUndated => Rule == DeadlineRule.Undated;

    /// <summary>How a person reads a deadline without a date: "Thường xuyên", or "Chưa có thời hạn cụ thể (Khi có yêu cầu)".</summary>
    public string NoDateText => IsUndated ? $"Chưa có thời hạn cụ thể ({Phrase})" : "Thường xuyên";
}
