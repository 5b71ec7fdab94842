
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

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
