using NodaTime;

namespace Tdkt.Plans;

/// <summary>A task as stored, for matching a re-imported plan against it.</summary>
public sealed record StoredTask(string Key, string Number, string Content, LocalDate Due, bool Removed)
{
    /// <summary>For an occurrence of a recurring duty: the duty's key and number (<see cref="TaskSeries"/>).</summary>
    public string? SeriesKey { get; init; }

    public string? SeriesNumber { get; init; }

    /// <summary>The stored deadline's rule and phrase (a day an administrator gave an undated task keeps the plan's phrase).</summary>
    public DeadlineRule? Rule { get; init; }

    public string? Phrase { get; init; }

    /// <summary>The stored tasks as the plan wrote them: a recurring duty's occurrences as one task under the duty's key.</summary>
    public static IReadOnlyList<StoredTask> Written(IReadOnlyList<StoredTask> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.All(s => s.SeriesKey is null))
        {
            return stored;
        }
        var plain = stored.Where(s => s.SeriesKey is null);
        var series = stored.Where(s => s.SeriesKey is not null).GroupBy(s => s.SeriesKey!, StringComparer.Ordinal)
            .Select(g => new StoredTask(g.Key, g.First().SeriesNumber ?? g.First().Number, g.First().Content, g.Min(s => s.Due), g.All(s => s.Removed)));
        return [.. plain, .. series];
    }
}
