namespace Tdkt.Outbox;

/// <summary>Why an agency hears about a task today, from the least to the most urgent.</summary>
public enum NoticeKind
{
    /// <summary>The quarter has started (or the plan was just activated): the task is on this quarter's list.</summary>
    Kickoff,

    /// <summary>The deadline is a set number of working days away (5 and 1 by default).</summary>
    Upcoming,

    /// <summary>Today is the deadline, or the last working day before a deadline on a day off.</summary>
    Due,

    /// <summary>The deadline has passed and the task is still open.</summary>
    Overdue,

    /// <summary>Overdue long enough that the supervising agency is copied.</summary>
    Escalation,
}
