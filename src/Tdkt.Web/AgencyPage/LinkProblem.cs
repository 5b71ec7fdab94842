

namespace Tdkt.Web.AgencyPage;

/// <summary>Why a link or a form cannot be used.</summary>
public enum LinkProblem
{
    Forged,
    Expired,
    NotHeld,
    Throttled,
    BadRequest,

    /// <summary>Storage could not be reached: nothing can be shown or recorded just now.</summary>
    Unavailable,

    /// <summary>Genuine, but the agency's links made before a date were revoked by an administrator.</summary>
    Revoked,

    /// <summary>A file's download address past its hour.</summary>
    DownloadExpired,

    /// <summary>The file was removed (or its plan's records period is over).</summary>
    FileGone,
}
