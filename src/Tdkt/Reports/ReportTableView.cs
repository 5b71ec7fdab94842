using Tdkt.Pages;

namespace Tdkt.Reports;

/// <summary>A table of the HTML report and its chart (SVG made by <see cref="ProgressChart"/>, printed raw).</summary>
[PageModel]
public sealed record ReportTableView(string Heading, IReadOnlyList<ReportRowView> Rows, string Chart = "");
