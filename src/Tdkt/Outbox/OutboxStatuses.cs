namespace Tdkt.Outbox;

/// <summary>The states' names as stored, as the API and the command line take them, and as people read them.</summary>
public static class OutboxStatuses
{
    /// <summary>What a person may type, in one phrase for messages.</summary>
    public const string Choices = "pending, sending, sent hoặc failed";

    /// <summary>"pending", "sending", "sent", "failed".</summary>
    public static string Name(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Sending => "sending",
        OutboxStatus.Sent => "sent",
        OutboxStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The state of a stored or typed name (exactly as <see cref="Name"/> writes it), or null.</summary>
    public static OutboxStatus? Parse(string? name) => name switch
    {
        "pending" => OutboxStatus.Pending,
        "sending" => OutboxStatus.Sending,
        "sent" => OutboxStatus.Sent,
        "failed" => OutboxStatus.Failed,
        _ => null,
    };

    /// <summary>In Vietnamese, for the status summary.</summary>
    public static string Label(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "chờ gửi",
        OutboxStatus.Sending => "đang gửi",
        OutboxStatus.Sent => "đã gửi",
        OutboxStatus.Failed => "không gửi được",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
