using Tdkt.Agencies;
using Tdkt.Outbox;

namespace Tdkt.Reminders;

/// <summary>One agency's digest on one day of a forecast: how many of the plan's tasks it is told about, by kind.</summary>
public sealed record ForecastDigest(AgencyId Agency, IReadOnlyDictionary<NoticeKind, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
