
namespace Tdkt.DeadlineExtensions;

public enum ExtensionNoteKind
{
    /// <summary>To a supervising agency: a request of an agency it follows waits for its answer.</summary>
    Waiting,

    /// <summary>To the asking agency: its request was received and waits.</summary>
    Asked,

    /// <summary>To the asking agency: approved, with the new date.</summary>
    Approved,

    /// <summary>To the asking agency: declined, with the reason.</summary>
    Declined,
}
