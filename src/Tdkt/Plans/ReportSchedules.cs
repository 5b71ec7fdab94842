namespace Tdkt.Plans;

public static class ReportSchedules
{
    /// <summary>"quarterly", "monthly", "off" (also the Vietnamese "hang-quy", "hang-thang", "tat"), any case; or null.</summary>
    public static ReportSchedule? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "quarterly" or "quarter" or "hang-quy" => ReportSchedule.Quarterly,
        "monthly" or "month" or "hang-thang" => ReportSchedule.Monthly,
        "off" or "none" or "tat" => ReportSchedule.Off,
        _ => null,
    };

    public static string Name(ReportSchedule schedule) => schedule switch
    {
        ReportSchedule.Monthly => "monthly",
        ReportSchedule.Off => "off",
        _ => "quarterly",
    };

    /// <summary>"hằng quý", "hằng tháng", "không gửi": as messages say it.</summary>
    public static string Describe(ReportSchedule schedule) => schedule switch
    {
        ReportSchedule.Monthly => "hằng tháng",
        ReportSchedule.Off => "không gửi",
        _ => "hằng quý",
    };
}
