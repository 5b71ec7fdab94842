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

public static class NoticeKinds
{
    /// <summary>The name used in JSON and storage: "kickoff", "upcoming", "due", "overdue", "escalation".</summary>
    public static string Name(this NoticeKind kind) => kind switch
    {
        NoticeKind.Kickoff => "kickoff",
        NoticeKind.Upcoming => "upcoming",
        NoticeKind.Due => "due",
        NoticeKind.Overdue => "overdue",
        NoticeKind.Escalation => "escalation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static NoticeKind Parse(string name) => name switch
    {
        "kickoff" => NoticeKind.Kickoff,
        "upcoming" => NoticeKind.Upcoming,
        "due" => NoticeKind.Due,
        "overdue" => NoticeKind.Overdue,
        "escalation" => NoticeKind.Escalation,
        _ => throw new FormatException($"Unknown notice kind '{name}'."),
    };
}
