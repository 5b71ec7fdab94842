
namespace Tdkt.Plans;

public enum TaskChangeKind
{
    /// <summary>The task is in the new plan under another number: its completions follow it (a move: needs confirming).</summary>
    Renumbered,

    /// <summary>Same task, same number, with other text or another deadline: its completions stay.</summary>
    Changed,

    /// <summary>The task is not in the new plan: its completions no longer count (a drop: needs confirming).</summary>
    Retired,

    /// <summary>The task no longer lists an agency that had completed it: that completion no longer counts (a drop).</summary>
    Unassigned,
}
