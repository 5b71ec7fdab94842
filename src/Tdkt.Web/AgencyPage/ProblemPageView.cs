
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>The page for a link that cannot be used, saying what to do instead and nothing about why in detail.</summary>
[PageModel]
public sealed record ProblemPageView(string Title, string Text, IReadOnlyList<string> Steps);
