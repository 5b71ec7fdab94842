
namespace Tdkt.Completion;

public enum AdminReopenResult
{
    Reopened,

    /// <summary>No assignment of the task (for that agency) was done: nothing changed.</summary>
    NothingDone,
    UnknownPlan,
    UnknownTask,
    NoReason,
}
