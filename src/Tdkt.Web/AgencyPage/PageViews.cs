
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>What the agency page shows; every value is text ready to print (the template encodes it).</summary>
[PageModel]
public sealed record AgencyPageView(string Title, string AgencyName, string Today, string Intro, MessageView? Message, IReadOnlyList<PlanView> Plans,
    string FormProof, string Footer)
{
    /// <summary>"Cơ quan theo dõi, đôn đốc: Sở Nội vụ, so-noi-vu@example.org": whom to ask, from the directory; null when none.</summary>
    public string? Contact { get; init; }

    /// <summary>The contact's first address, for a mailto link.</summary>
    public string? ContactAddress { get; init; }

    /// <summary>The agency's calendar subscription address (<see cref="AgencyCalendarFeed"/>), or null when links cannot be made.</summary>
    public string? FeedUrl { get; init; }
}

/// <summary>A confirmation or warning at the top of the page after a form was posted. Kind: ok, info or warn.</summary>
[PageModel]
public sealed record MessageView(string Kind, string Text);

[PageModel]
public sealed record PlanView(string Heading, string Counts, IReadOnlyList<QuarterView> Quarters)
{
    /// <summary>The form that confirms the open tasks ticked on the page at once (shown when two or more are open): its id and address.</summary>
    public string BulkFormId { get; init; } = "";
    public string BulkAction { get; init; } = "";
    public bool CanBulk { get; init; }

    /// <summary>What the agencies this one supervises sent it in this plan (files, requests), newest first.</summary>
    public IReadOnlyList<InboxView> Inbox { get; init; } = [];
}

/// <summary>One attached file as a page lists it: its name, "PDF, 1,2 MB, 09:15 ngày 24/03/2023, Nguyễn Văn A", its download address.</summary>
[PageModel]
public sealed record FileView(string Name, string Details, string DownloadUrl, bool CanRemove, string RemoveAction);

/// <summary>An item on a supervising agency's page: "Sở Y tế, nhiệm vụ 3: …", with the file to download or the request to decide.</summary>
[PageModel]
public sealed record InboxView(string Kind, string Heading, string Details, string? DownloadUrl, string? FileName)
{
    /// <summary>For a request: the forms' addresses and the date asked (yyyy-MM-dd, the date input's value).</summary>
    public string? ApproveAction { get; init; }
    public string? DeclineAction { get; init; }
    public string? Requested { get; init; }
    public string Anchor { get; init; } = "";
}

[PageModel]
public sealed record QuarterView(string Heading, IReadOnlyList<TaskRowView> Tasks);

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

/// <summary>The page for a link that cannot be used, saying what to do instead and nothing about why in detail.</summary>
[PageModel]
public sealed record ProblemPageView(string Title, string Text, IReadOnlyList<string> Steps);
