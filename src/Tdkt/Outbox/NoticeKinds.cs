namespace Tdkt.Outbox;

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
