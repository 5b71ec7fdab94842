using Tdkt.Pages;

namespace Tdkt.Web.Console.Plans;

[PageModel]
public sealed record PlanAgencyView(string Name, IReadOnlyList<PlanRowView> Rows);
