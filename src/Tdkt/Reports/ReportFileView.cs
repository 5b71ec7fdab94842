using Tdkt.Pages;

namespace Tdkt.Reports;

/// <summary>A file in the HTML report: the agency, the task, the file's name and who sent it when (never a link: the report is kept and forwarded).</summary>
[PageModel]
public sealed record ReportFileView(string Agency, string Task, string Name, string Details);
