using Tdkt.Caching;

namespace Tdkt.Plans;

/// <summary>
/// Plans as pages read them, kept in memory by content version (<see cref="PlanSummary.Version"/>): a 5,000-task plan is
/// read from storage once per import, not on every page view. A plan whose import is not committed is never cached.
/// </summary>
public sealed class PlanCache(PlanStore plans)
{
    private readonly VersionedCache<string, Plan> cached = new();

    public async Task<Plan?> GetAsync(PlanSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Version is { } version && cached.TryGet(summary.Id.Value, version, out var known))
        {
            return known;
        }
        var plan = await plans.GetAsync(summary.Id, cancellationToken);
        if (plan is not null && summary.Version is { } current && !summary.ImportIncomplete)
        {
            cached.Set(summary.Id.Value, current, plan);
        }
        return plan;
    }
}
