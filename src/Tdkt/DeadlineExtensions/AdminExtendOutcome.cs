using NodaTime;

namespace Tdkt.DeadlineExtensions;

/// <summary>What the administrator's extension did, in the one Vietnamese message every host shows; <see cref="Ok"/> when it changed something.</summary>
public sealed record AdminExtendOutcome(bool Ok, bool BadInput, string Message)
{
    public string? Plan { get; init; }
    public string? TaskNumber { get; init; }
    public string? Agency { get; init; }
    public LocalDate? Due { get; init; }
    public LocalDate? PreviousDue { get; init; }
}
