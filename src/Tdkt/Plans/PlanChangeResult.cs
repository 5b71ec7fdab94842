
namespace Tdkt.Plans;

public enum PlanChangeResult
{
    Done,
    UnknownPlan,

    /// <summary>The request cannot be carried out as given (say, a roll-forward to a year not after the plan's).</summary>
    Refused,
}
