using NodaTime;

namespace Tdkt.Cli.Up;

/// <summary>
/// A clock that runs at real speed from a chosen instant (<c>tdkt up --as-of</c>): the 2023 sample plan then
/// produces today's mail as it did on that day.
/// </summary>
public sealed class ShiftedClock(IClock real, Instant startAt) : IClock
{
    private readonly Duration offset = startAt - real.GetCurrentInstant();

    public Instant GetCurrentInstant() => real.GetCurrentInstant() + offset;
}
