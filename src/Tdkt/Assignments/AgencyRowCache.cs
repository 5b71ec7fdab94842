using System.Collections.Concurrent;

namespace Tdkt.Assignments;

/// <summary>
/// The copies an agency page last read, per plan and agency, under the stamp they were read with
/// (<see cref="AssignmentRows.AgencyVersionKey"/>). A page whose stamp is unchanged answers from here after one
/// point read, so its cost does not follow the partition's size (an emulator walks the whole table for a range query;
/// Table Storage answers it from its index, but a point read is still the cheapest request). Bounded: when full it
/// starts again empty.
/// </summary>
public sealed class AgencyRowCache
{
    public const int Capacity = 5_000;

    private readonly ConcurrentDictionary<(string Plan, string Agency), (string Stamp, AgencyRows Rows)> entries = new();

    public AgencyRows? Get(string plan, string agency, string stamp) =>
        entries.TryGetValue((plan, agency), out var entry) && entry.Stamp == stamp ? entry.Rows : null;

    public void Set(string plan, string agency, string stamp, AgencyRows rows)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
        entries[(plan, agency)] = (stamp, rows);
    }
}
