namespace Tdkt.Completion;

/// <summary>What the agency page shows; every value is text ready to print (the template encodes it).</summary>
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
public sealed record MessageView(string Kind, string Text);

public sealed record PlanView(string Heading, string Counts, IReadOnlyList<QuarterView> Quarters);

public sealed record QuarterView(string Heading, IReadOnlyList<TaskRowView> Tasks);

public sealed record TaskRowView(string Anchor, string Number, string Content, string Due, string Phrase, string Role, string Status, string StatusSlug,
    string Colour, bool IsOpen, string? DoneText, bool CanUndo, string CompleteAction, string UndoAction, bool Highlight);

/// <summary>The page for a link that cannot be used, saying what to do instead and nothing about why in detail.</summary>
public sealed record ProblemPageView(string Title, string Text, IReadOnlyList<string> Steps);
