
namespace Tdkt.Administration;

public enum SignInCheck
{
    Valid,
    Expired,
    Used,

    /// <summary>Not a link this deployment made (mistyped, cut, forged).</summary>
    Unknown,

    /// <summary>Made for someone who is no longer a console user.</summary>
    NotListed,
}
