
namespace Tdkt.Evidence;

public enum AttachOutcome
{
    Attached,

    /// <summary>No such assignment (or removed from the plan): nothing kept.</summary>
    NotHeld,

    /// <summary>The assignment already has <see cref="EvidenceStore.MaxPerAssignment"/> files.</summary>
    TooMany,
}
