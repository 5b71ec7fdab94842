
namespace Tdkt.Reports.Official;

/// <summary>How often a plan's report goes upward: the period it covers, and the plan's sending schedule.</summary>
public enum ReportPeriodKind
{
    Month,
    Quarter,
    Half,
    Year,
}
