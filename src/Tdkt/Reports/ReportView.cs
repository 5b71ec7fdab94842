using Tdkt.Pages;

namespace Tdkt.Reports;

[PageModel]
public sealed record ReportView(string Title, string Heading, string AsOf, IReadOnlyList<ReportTableView> Tables, string Footer, bool HasOngoing = false)
{
    public IReadOnlyList<ReportFileView> Files { get; init; } = [];
}
