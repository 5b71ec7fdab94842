using System.Collections.Concurrent;
using NodaTime;

namespace Tdkt.Caching;

/// <summary>
/// Values kept for a fixed time (<see cref="Lifetime"/>) from when they were read, where a change made elsewhere may
/// show that much later (a plan read once per dispatch pass, a link's revocation within 30 s). The caller gives "now"
/// from its own clock. Bounded: when full it starts again empty.
/// </summary>
public sealed class TimedCache<TKey, TValue>(Duration lifetime, int capacity = TimedCache<TKey, TValue>.DefaultCapacity)
    where TKey : notnull
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, Instant At)> entries = new();

    public Duration Lifetime => lifetime;

    public bool TryGet(TKey key, Instant now, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && now - entry.At < lifetime)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value, Instant now)
    {
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }
        entries[key] = (value, now);
    }
}
