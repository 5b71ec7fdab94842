
namespace Tdkt.Reports;

public enum ReportFormat
{
    /// <summary>Lines for a terminal.</summary>
    Text,
    Json,

    /// <summary>UTF-8 with BOM, so spreadsheets read the Vietnamese.</summary>
    Csv,
    Html,

    /// <summary>The report sent upward, as the draft of an administrative document (<see cref="Official.OfficialReportDocx"/>).</summary>
    Docx,
}
