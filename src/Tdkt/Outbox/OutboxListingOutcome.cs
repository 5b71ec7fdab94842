
namespace Tdkt.Outbox;

/// <summary>The digests of the last days in one state, or the message that says the state asked for is not one.</summary>
public sealed record OutboxListingOutcome(IReadOnlyList<OutboxEntry>? Entries, OutboxStatus Status, string? Problem);
