
namespace Tdkt.Administration;

public enum AdminChange
{
    Added,
    Changed,
    Unchanged,
    Removed,
    NotFound,

    /// <summary>Refused: it would leave the console without an administrator.</summary>
    LastAdmin,
    Invalid,
}
