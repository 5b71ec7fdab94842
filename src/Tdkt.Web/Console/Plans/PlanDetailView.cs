using Tdkt.Pages;

namespace Tdkt.Web.Console.Plans;

/// <summary>The plan page's content: the filters (as options), the matching assignments by agency, and how many matched.</summary>
[PageModel]
public sealed record PlanDetailView(string Id, string Heading, string Status, IReadOnlyList<FilterOption> Agencies, IReadOnlyList<FilterOption> Quarters,
    IReadOnlyList<FilterOption> Statuses, string Text, IReadOnlyList<PlanAgencyView> Groups, string Count, string Today)
{
    /// <summary>"active", "draft" or "archived": which of activate, archive and set-number the page offers.</summary>
    public string StatusSlug { get; init; } = "";

    /// <summary>A draft not issued yet (no number): it can be given one, not activated.</summary>
    public bool Unnumbered { get; init; }

    public int NextYear { get; init; }

    /// <summary>Right after a roll-forward: what to review in the new draft, one line each.</summary>
    public IReadOnlyList<string> Review { get; init; } = [];
}
