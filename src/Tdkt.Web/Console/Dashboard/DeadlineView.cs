using Tdkt.Pages;

namespace Tdkt.Web.Console.Dashboard;

/// <summary>An open assignment in a dashboard list: its plan, task, agency and date, and how far that date is.</summary>
[PageModel]
public sealed record DeadlineView(string Plan, string PlanNumber, string Task, string Agency, string Due, string When, string Content);
