
namespace Tdkt.Completion;

public enum CompleteOutcome
{
    Recorded,
    AlreadyDone,

    /// <summary>No such task, or the agency does not hold it, or its plan is not active.</summary>
    NotHeld,

    /// <summary>A completion date given by an administrator is after today: nothing recorded.</summary>
    DateInFuture,

    /// <summary>A completion date given by an administrator is before the year preceding the plan's (a mistyped year): nothing recorded.</summary>
    DateBeforePlan,
}
