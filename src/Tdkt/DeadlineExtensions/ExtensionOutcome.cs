
namespace Tdkt.DeadlineExtensions;

public enum ExtensionOutcome
{
    Requested,
    Approved,
    Declined,

    /// <summary>A request of this assignment already waits for an answer.</summary>
    AlreadyPending,

    /// <summary>No request waits for an answer (decided already, or withdrawn by a re-import).</summary>
    NotPending,

    /// <summary>No such task, or the agency does not hold it, or its plan is not active.</summary>
    NotHeld,

    /// <summary>The task is already done: there is nothing to extend.</summary>
    AlreadyDone,

    /// <summary>A task done "thường xuyên" has no date to move.</summary>
    Ongoing,

    /// <summary>The date is not after the date in force.</summary>
    NotLater,

    /// <summary>The date is more than <see cref="ExtensionService.MaxExtension"/> after the date in force (a mistyped year).</summary>
    TooFar,

    /// <summary>A request, or a refusal, needs its reason.</summary>
    NoReason,

    /// <summary>The agency deciding does not supervise the asking agency.</summary>
    NotSupervisor,
}
