using System.Collections.Concurrent;

namespace Tdkt.Caching;

/// <summary>
/// Values kept under the version they were read at (a plan's content version, a row's stamp): a read that names the
/// same version gets the kept value, any other version reads storage again and replaces it. Nothing expires by time, so
/// the version must change with every write that matters. Bounded: when full it starts again empty.
/// </summary>
public sealed class VersionedCache<TKey, TValue>(int capacity = VersionedCache<TKey, TValue>.DefaultCapacity)
    where TKey : notnull
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<TKey, (string Version, TValue Value)> entries = new();

    public bool TryGet(TKey key, string version, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && string.Equals(entry.Version, version, StringComparison.Ordinal))
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, string version, TValue value)
    {
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }
        entries[key] = (version, value);
    }
}
