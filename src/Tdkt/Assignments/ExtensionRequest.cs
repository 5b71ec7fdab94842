using NodaTime;

namespace Tdkt.Assignments;

/// <summary>
/// An agency's request for more time on one assignment (or an administrator's extension, which is its own answer):
/// the due date it had then, the date asked, why, when and by whom; and, once decided, the answer.
/// </summary>
public sealed record ExtensionRequest(LocalDate From, LocalDate Asked, string? Reason, Instant At, string? By, string Via)
{
    public ExtensionStatus Status { get; init; } = ExtensionStatus.Pending;

    /// <summary>The date granted (the one asked, or another the supervisor chose).</summary>
    public LocalDate? To { get; init; }

    public Instant? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    /// <summary>The supervisor's words: why it declined, or a note with an approval.</summary>
    public string? Answer { get; init; }

    public string? DecidedVia { get; init; }

    /// <summary>The supervising agency the request went to (whose page lists it until it is decided).</summary>
    public string? Supervisor { get; init; }
}
