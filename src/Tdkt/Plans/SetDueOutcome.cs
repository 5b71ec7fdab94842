using NodaTime;

namespace Tdkt.Plans;

/// <summary>What giving an undated task its date did, in one sentence; <see cref="BadInput"/> when the request itself was wrong.</summary>
public sealed record SetDueOutcome(bool Ok, bool BadInput, string Message, LocalDate? Due = null);
