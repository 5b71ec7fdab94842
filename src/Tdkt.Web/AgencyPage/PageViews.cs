
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
