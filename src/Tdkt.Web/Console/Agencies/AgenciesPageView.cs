using Tdkt.Pages;

namespace Tdkt.Web.Console.Agencies;

[PageModel]
public sealed record AgenciesPageView(IReadOnlyList<AgencyRowView> Rows, string Count, string? ShownFor);
