using Tdkt.Caching;

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

    private readonly VersionedCache<(string Plan, string Agency), AgencyRows> entries = new(Capacity);

    public AgencyRows? Get(string plan, string agency, string stamp) => entries.TryGet((plan, agency), stamp, out var rows) ? rows : null;

    public void Set(string plan, string agency, string stamp, AgencyRows rows) => entries.Set((plan, agency), stamp, rows);
}
