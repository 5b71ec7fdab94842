

namespace Tdkt.Web.AgencyPage;

/// <summary>What to confirm at the top of the page after a form was posted (post/redirect/get).</summary>
public enum PageMessage
{
    None,
    Done,
    Again,
    Undone,
    TooLate,
    NotDone,
    Stale,

    /// <summary>The plan is of a year that has not begun to take completions (earlier than 1 January of the year before it).</summary>
    NotYet,

    /// <summary>The agency has undone this completion as many times as a link allows.</summary>
    TooOften,

    /// <summary>Files were attached to the task.</summary>
    Files,

    /// <summary>A file was removed from the task.</summary>
    FileRemoved,

    /// <summary>A file could not be removed: added too long ago, or by an administrator.</summary>
    FileKept,

    /// <summary>The agency asked for more time on the task.</summary>
    ExtensionAsked,

    /// <summary>The supervising agency approved a request (the task is the asking agency's, not on this page).</summary>
    ExtensionApproved,

    /// <summary>The supervising agency declined a request.</summary>
    ExtensionDeclined,
}
