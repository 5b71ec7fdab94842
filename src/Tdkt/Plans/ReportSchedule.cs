namespace Tdkt.Plans;

/// <summary>How often a plan's report goes to the reporting agency by mail, on the first working day after each period.</summary>
public enum ReportSchedule
{
    /// <summary>The default: after each quarter, as plans ask Sở Nội vụ to report ("định kỳ tổng hợp, báo cáo").</summary>
    Quarterly,
    Monthly,
    Off,
}
