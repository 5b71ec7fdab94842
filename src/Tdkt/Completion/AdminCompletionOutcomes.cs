
namespace Tdkt.Completion;

public enum AdminCompleteResult
{
    Recorded,
    AlreadyDone,
    UnknownPlan,
    UnknownTask,

    /// <summary>The agency does not hold the task, or the plan is not active.</summary>
    NotHeld,
    DateInFuture,
    DateBeforePlan,
}
