
namespace Tdkt.Plans;

/// <summary>What activating, archiving or rolling forward a plan did, with the message every host shows.</summary>
public sealed record PlanChangeOutcome(PlanChangeResult Result, string Message)
{
    /// <summary>The new draft of a roll-forward.</summary>
    public Plan? Draft { get; init; }

    /// <summary>What a roll-forward changed, for review.</summary>
    public IReadOnlyList<RollForwardChange> Changes { get; init; } = [];

    public static PlanChangeOutcome UnknownPlan(string id) => new(PlanChangeResult.UnknownPlan, $"Không có kế hoạch “{id}”.");
}
