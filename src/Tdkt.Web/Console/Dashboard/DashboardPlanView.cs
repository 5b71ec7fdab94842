using Tdkt.Pages;
using Tdkt.Reports;

namespace Tdkt.Web.Console.Dashboard;

/// <summary>A plan on the dashboard: its progress as charts (SVG drawn on the server) with the numbers beside them.</summary>
[PageModel]
public sealed record DashboardPlanView(string Id, string Heading, string Status, string Done, IReadOnlyList<ReportTableView> Tables);
