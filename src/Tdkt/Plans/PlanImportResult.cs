
namespace Tdkt.Plans;

public enum PlanImportResult
{
    Saved,

    /// <summary>Valid, and not stored: a preview (dry run).</summary>
    Previewed,
    Invalid,

    /// <summary>No directory given and none stored: nothing can be resolved.</summary>
    NoDirectory,

    /// <summary>Valid, and not stored: it would move or drop recorded completions, and that was not confirmed.</summary>
    NeedsConfirmation,

    /// <summary>Not stored: another import of the same plan is running (or took this one over).</summary>
    Busy,
}
