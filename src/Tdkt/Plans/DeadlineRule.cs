
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
