using Tdkt.Pages;

namespace Tdkt.Web.Console.Dashboard;

/// <summary>Tổng quan's content: the plans' progress, the overdue list, the next two weeks' deadlines, the last sweeps and the mail.</summary>
[PageModel]
public sealed record DashboardView(IReadOnlyList<DashboardPlanView> Plans, bool HasOngoing, IReadOnlyList<DeadlineView> Overdue, string OverdueCount,
    IReadOnlyList<DeadlineView> Upcoming, string UpcomingCount, IReadOnlyList<SweepView> Sweeps, string Mail);
