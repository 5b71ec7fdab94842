
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

[PageModel]
public sealed record TaskRowView(string Anchor, string Number, string Content, string Due, string Phrase, string Role, string Status, string StatusSlug,
    string Colour, bool IsOpen, string? DoneText, bool CanUndo, string CompleteAction, string UndoAction, bool Highlight)
{
    public IReadOnlyList<FileView> Files { get; init; } = [];

    /// <summary>Whether more files may be attached (fewer than the limit), and where the form posts.</summary>
    public bool CanAttach { get; init; }
    public string AttachAction { get; init; } = "";
    public int FilesLeft { get; init; }

    /// <summary>Where the task's extension stands ("Đã đề nghị gia hạn đến …", "Đã được gia hạn …"), or null; its kind (info, ok, warn).</summary>
    public string? ExtensionText { get; init; }

    /// <summary>For the next occurrence of a recurring duty: its later occurrences, listed but not shown as tasks until this one is due or done.</summary>
    public string? Later { get; init; }
    public string ExtensionKind { get; init; } = "info";

    /// <summary>Whether the agency may ask for more time (open, dated, no request waiting), the form's address and the earliest date it takes (yyyy-MM-dd).</summary>
    public bool CanAskExtension { get; init; }
    public string ExtensionAction { get; init; } = "";
    public string ExtensionMin { get; init; } = "";

    /// <summary>The task as the bulk form names it (plan~task), and that form's id ("" when the plan has no bulk form).</summary>
    public string Reference { get; init; } = "";
    public string BulkFormId { get; init; } = "";
}
