using NodaTime;

namespace Tdkt.Reminders;

/// <summary>The digests a plan causes on one working day.</summary>
public sealed record ForecastDay(LocalDate Day, IReadOnlyList<ForecastDigest> Digests);
