
namespace Tdkt.Reports;

/// <summary>One line of a report: an agency (or all agencies, Agency null) in one quarter (or the whole year, Quarter null).</summary>
public sealed record ReportLine(string? Agency, string AgencyName, int? Quarter, ProgressCounts Counts);
