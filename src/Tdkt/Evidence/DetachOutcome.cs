
namespace Tdkt.Evidence;

public enum DetachOutcome
{
    Removed,
    NotFound,

    /// <summary>The rule given (the undo window, through the link) no longer allows it.</summary>
    NotAllowed,
}
