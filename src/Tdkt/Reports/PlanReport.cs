using NodaTime;
using Tdkt.Plans;

namespace Tdkt.Reports;

/// <summary>A plan's progress as of a date: per agency and quarter, per agency, per quarter and in total; and the files sent as results.</summary>
public sealed record PlanReport(PlanId Plan, string Number, string Title, int Year, LocalDate AsOf, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>The files attached so far, by agency (as the lines are sorted), then task, then when sent.</summary>
    public IReadOnlyList<ReportFile> Files { get; init; } = [];

    /// <summary>Occurrences of recurring duties not due yet on <see cref="AsOf"/> and not done: not counted in the lines.</summary>
    public int UpcomingOccurrences { get; init; }

    /// <summary>Assignments of tasks the plan gives no fixed date yet ("Khi có yêu cầu"): reported apart, not in the lines.</summary>
    public int Undated { get; init; }

    public IEnumerable<ReportLine> ByAgency => Lines.Where(l => l.Agency is not null && l.Quarter is null);

    public IEnumerable<ReportLine> ByAgencyAndQuarter => Lines.Where(l => l.Agency is not null && l.Quarter is not null);

    public IEnumerable<ReportLine> ByQuarter => Lines.Where(l => l.Agency is null && l.Quarter is not null);

    public ReportLine Total => Lines.Single(l => l.Agency is null && l.Quarter is null);

    /// <summary>Whether the plan has ongoing tasks ("thường xuyên"): only then do the reports show that column.</summary>
    public bool HasOngoing => Lines.Any(l => l.Counts.Ongoing > 0);

    /// <summary>Whether any assignment is counted against an extended date (the report then says how many, per line).</summary>
    public bool HasExtended => Lines.Any(l => l.Counts.Extended > 0);
}
