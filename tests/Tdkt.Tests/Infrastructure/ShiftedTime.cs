namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// Real time moved ahead by what a test says has passed: leases, retry times and signatures follow it, while timers
/// and send pacing keep running at the real rate. Every test host gets one (offset 0) next to its business FakeClock.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
