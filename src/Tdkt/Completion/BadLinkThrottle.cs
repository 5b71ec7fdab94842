using System.Collections.Concurrent;
using NodaTime;

namespace Tdkt.Completion;

/// <summary>
/// Slows down a client that presents bad links: after <see cref="FreeAttempts"/> forged or expired tokens within
/// <see cref="Window"/>, its further bad tokens are answered late and with 429. Valid links from the same address
/// (a province office behind one NAT) are never held up. Counts are per instance, which is what slowing down needs.
/// </summary>
public sealed class BadLinkThrottle(IClock clock)
{
    public const int FreeAttempts = 5;
    public static readonly Duration Window = Duration.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (int Count, Instant Since)> failures = new(StringComparer.Ordinal);

    public bool IsThrottled(string client) =>
        failures.TryGetValue(client, out var f) && clock.GetCurrentInstant() - f.Since < Window && f.Count >= FreeAttempts;

    public void RecordFailure(string client)
    {
        var now = clock.GetCurrentInstant();
        if (failures.Count > 10_000)
        {
            foreach (var stale in failures.Where(f => now - f.Value.Since >= Window).Select(f => f.Key).ToList())
            {
                failures.TryRemove(stale, out _);
            }
        }
        failures.AddOrUpdate(client, (1, now), (_, f) => now - f.Since >= Window ? (1, now) : (f.Count + 1, f.Since));
    }
}
