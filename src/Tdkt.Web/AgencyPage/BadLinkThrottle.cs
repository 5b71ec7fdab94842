using System.Collections.Concurrent;
using NodaTime;


namespace Tdkt.Web.AgencyPage;

/// <summary>
/// Slows down a client that presents bad links: after <see cref="FreeAttempts"/> forged or expired tokens within
/// <see cref="Window"/>, its further bad tokens are answered late and with 429. Valid links from the same address
/// (a province office behind one NAT) are never held up. Counts are per instance, which is what slowing down needs.
/// Past <see cref="GlobalFreeAttempts"/> bad tokens from all clients together within the window, every bad token is
/// slowed down: the limit that still holds where client addresses cannot be told apart or trusted.
/// </summary>
public sealed class BadLinkThrottle(IClock clock)
{
    public const int FreeAttempts = 5;
    public const int GlobalFreeAttempts = 300;
    public static readonly Duration Window = Duration.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (int Count, Instant Since)> failures = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private (int Count, Instant Since) all;

    public bool IsThrottled(string client)
    {
        var now = clock.GetCurrentInstant();
        lock (gate)
        {
            if (now - all.Since < Window && all.Count >= GlobalFreeAttempts)
            {
                return true;
            }
        }
        return failures.TryGetValue(client, out var f) && now - f.Since < Window && f.Count >= FreeAttempts;
    }

    public void RecordFailure(string client)
    {
        var now = clock.GetCurrentInstant();
        lock (gate)
        {
            all = now - all.Since >= Window ? (1, now) : (all.Count + 1, all.Since);
        }
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
