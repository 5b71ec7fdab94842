
namespace Tdkt.Links;

public enum LinkCheck
{
    Valid,

    /// <summary>Not a token of ours, or altered, or signed with a key no longer listed.</summary>
    Forged,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,
}
