using Tdkt.Pages;

namespace Tdkt.Web.Console.Dashboard;

[PageModel]
public sealed record SweepView(string Date, string Outcome, string Numbers);
