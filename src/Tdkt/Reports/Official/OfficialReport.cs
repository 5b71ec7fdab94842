using NodaTime;

namespace Tdkt.Reports.Official;

/// <summary>
/// The report Sở Nội vụ sends upward on a plan ("Báo cáo kết quả thực hiện Kế hoạch số …"): the figures of the plan's
/// progress report (<see cref="Figures"/>, the same as the JSON report's), the period it covers, what fell due in that
/// period, and every overdue task.
/// </summary>
public sealed record OfficialReport(
    PlanReport Figures,
    ReportPeriod Period,
    string PlanReference,
    ReportLetterhead Letterhead,
    int Tasks,
    int Agencies,
    ProgressCounts InPeriod,
    IReadOnlyList<OverdueTask> Overdue)
{
    public LocalDate AsOf => Figures.AsOf;

    /// <summary>How many of <see cref="Tasks"/> are recurring duties (each occurrence reported on its own).</summary>
    public int RecurringTasks { get; init; }

    /// <summary>Whether the period is over on the report's day (a report after it) or still running (a report during it).</summary>
    public bool PeriodClosed => AsOf > Period.End;
}
