
namespace Tdkt.Plans;

public enum PlanSaveOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Nothing written: another import of the plan is running (<see cref="ImportLease"/>).</summary>
    Busy,

    /// <summary>Not committed: another import took the plan over while this one was writing (its lease had lapsed).</summary>
    Superseded,
}
