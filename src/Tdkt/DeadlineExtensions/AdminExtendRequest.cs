using NodaTime;

namespace Tdkt.DeadlineExtensions;

/// <summary>
/// <c>tdkt task extend PLAN TASK --agency A --to DATE [--reason R]</c>: an administrator extends an assignment (approving the
/// agency's pending request, or without one); with <c>Decline</c>, refuses the pending request, the reason required.
/// </summary>
public sealed record AdminExtendRequest(string Plan, string Task, string Agency, LocalDate? To, bool Decline, string? Reason, string? By);
