using NodaTime;
using Tdkt.Assignments;
using Tdkt.Plans;

namespace Tdkt.Reports;

/// <summary>
/// Counts in the four official categories, and the ongoing tasks beside them; <see cref="Extended"/> says how many of
/// them were counted against an extended date (a count "of which", not a category).
/// </summary>
public sealed record ProgressCounts(int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Ongoing = 0)
{
    public int Extended { get; init; }

    public static ProgressCounts Zero { get; } = new(0, 0, 0, 0);

    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue + Ongoing;

    public int this[ProgressCategory category] => category switch
    {
        ProgressCategory.DoneOnTime => DoneOnTime,
        ProgressCategory.DoneLate => DoneLate,
        ProgressCategory.OpenInTime => OpenInTime,
        ProgressCategory.OpenOverdue => OpenOverdue,
        ProgressCategory.Ongoing => Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>Share of the total in percent, one decimal, rounded half away from zero; 0 when there is nothing.</summary>
    public decimal Percent(ProgressCategory category) =>
        Total == 0 ? 0m : Math.Round(100m * this[category] / Total, 1, MidpointRounding.AwayFromZero);

    /// <summary>Share done (on time or late) in percent, one decimal, rounded half away from zero; 0 when there is nothing.</summary>
    public decimal DonePercent => Total == 0 ? 0m : Math.Round(100m * (DoneOnTime + DoneLate) / Total, 1, MidpointRounding.AwayFromZero);

    public ProgressCounts Add(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => this with { DoneOnTime = DoneOnTime + 1 },
        ProgressCategory.DoneLate => this with { DoneLate = DoneLate + 1 },
        ProgressCategory.OpenInTime => this with { OpenInTime = OpenInTime + 1 },
        ProgressCategory.OpenOverdue => this with { OpenOverdue = OpenOverdue + 1 },
        ProgressCategory.Ongoing => this with { Ongoing = Ongoing + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static ProgressCounts Sum(IEnumerable<ProgressCounts> counts) =>
        counts.Aggregate(Zero, (a, b) => new(a.DoneOnTime + b.DoneOnTime, a.DoneLate + b.DoneLate, a.OpenInTime + b.OpenInTime, a.OpenOverdue + b.OpenOverdue, a.Ongoing + b.Ongoing)
        {
            Extended = a.Extended + b.Extended,
        });
}

/// <summary>One line of a report: an agency (or all agencies, Agency null) in one quarter (or the whole year, Quarter null).</summary>
public sealed record ReportLine(string? Agency, string AgencyName, int? Quarter, ProgressCounts Counts);

/// <summary>A file an agency attached as the result of one of its tasks, as the report lists it (who and when are in <see cref="File"/>).</summary>
public sealed record ReportFile(string Agency, string AgencyName, string TaskNumber, EvidenceFile File);

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
