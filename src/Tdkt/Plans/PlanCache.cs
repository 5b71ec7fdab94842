using System.Collections.Concurrent;

namespace Tdkt.Plans;

/// <summary>
/// Plans as pages read them, kept in memory by content version (<see cref="PlanSummary.Version"/>): a 5,000-task plan is
/// read from storage once per import, not on every page view. A plan whose import is not committed is never cached.
/// </summary>
public sealed class PlanCache(PlanStore plans)
{
    private readonly ConcurrentDictionary<string, (string Version, Plan Plan)> cached = new(StringComparer.Ordinal);

    public async Task<Plan?> GetAsync(PlanSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Version is { } version && cached.TryGetValue(summary.Id.Value, out var known) && known.Version == version)
        {
            return known.Plan;
        }
        var plan = await plans.GetAsync(summary.Id, cancellationToken);
        if (plan is not null && summary.Version is { } current && !summary.ImportIncomplete)
        {
            cached[summary.Id.Value] = (current, plan);
        }
        return plan;
    }
}
