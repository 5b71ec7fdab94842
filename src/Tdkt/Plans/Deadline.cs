using NodaTime;

namespace Tdkt.Plans;

/// <summary>How a deadline was written, which decides how its due date is computed.</summary>
public enum DeadlineRule
{
    /// <summary>Listed under a quarter section ("QUÝ I"): the last day of that quarter.</summary>
    EndOfQuarter,

    /// <summary>"trước ngày D": before day D, so the last allowed day is D-1.</summary>
    BeforeDate,

    /// <summary>"ngày D", "chậm nhất ngày D", "trong ngày D": day D itself.</summary>
    OnDate,

    /// <summary>"tháng M": the last day of month M.</summary>
    EndOfMonth,

    /// <summary>"6 tháng đầu năm": 30 June.</summary>
    FirstHalf,

    /// <summary>"6 tháng cuối năm": 31 December.</summary>
    SecondHalf,

    /// <summary>"Năm 2025", "cả năm", "trong năm": 31 December.</summary>
    EndOfYear,

    /// <summary>"Thường xuyên": done all year, with no due date of its own; never overdue.</summary>
    Ongoing,

    /// <summary>
    /// "Khi có yêu cầu", "Theo hướng dẫn của Trung ương", "Sau khi kết thúc đợt thi đua": no fixed date yet. Treated as
    /// having no due date (never overdue, not reminded) until an administrator gives it one (<c>tdkt task set-due</c>).
    /// </summary>
    Undated,
}

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
