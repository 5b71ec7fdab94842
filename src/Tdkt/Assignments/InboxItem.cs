using NodaTime;

namespace Tdkt.Assignments;

/// <summary>
/// One item on a supervising agency's page (<see cref="SupervisorInbox"/>): which agency and task, when and by whom,
/// and the file (id, name, size) or the request (current due date, date asked, reason).
/// </summary>
public sealed record InboxItem(InboxKind Kind, string Agency, string TaskKey, string TaskNumber, Instant At, string? By)
{
    public string? FileId { get; init; }
    public string? FileName { get; init; }
    public long Bytes { get; init; }
    public LocalDate? Due { get; init; }
    public LocalDate? Requested { get; init; }
    public string? Reason { get; init; }
}
