using Tdkt.Pages;
using Tdkt.Web.AgencyPage;

namespace Tdkt.Web.Console.Plans;

/// <summary>One assignment on the plan page: its task, date, status (in the official colour), completion, files and history.</summary>
[PageModel]
public sealed record PlanRowView(string Task, string TaskNumber, string Content, string Due, string Status, string StatusSlug, string Colour,
    string? Completion, bool Done, bool Open, string Agency, IReadOnlyList<string> History, int Files)
{
    /// <summary>The files sent as evidence, each with a one-hour download link (as on the agency's page).</summary>
    public IReadOnlyList<FileView> FileLinks { get; init; } = [];

    /// <summary>The request for more time, in a sentence; null when there is none.</summary>
    public string? Extension { get; init; }

    /// <summary>A request waits for a decision: the page offers approve (on <see cref="Asked"/> or another date) and decline.</summary>
    public bool ExtensionPending { get; init; }

    /// <summary>The date asked (yyyy-MM-dd, for the form), or the due date in force when nothing is pending.</summary>
    public string Asked { get; init; } = "";

    /// <summary>An ongoing task has no date to extend.</summary>
    public bool Ongoing { get; init; }

    /// <summary>The plan gives the task no fixed date yet: the page offers administrators to give it one.</summary>
    public bool Undated { get; init; }
}
