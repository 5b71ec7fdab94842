using Tdkt.Pages;

namespace Tdkt.Reports;

[PageModel]
public sealed record ReportRowView(string Agency, string Quarter, int DoneOnTime, string DoneOnTimePercent, int DoneLate, string DoneLatePercent,
    int OpenInTime, string OpenInTimePercent, int OpenOverdue, string OpenOverduePercent, int Total, bool IsTotal, int Ongoing = 0, string OngoingPercent = "");
