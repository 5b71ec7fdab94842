
namespace Tdkt.Reports;

/// <summary>The report and its document, or the message that says why there is none.</summary>
public sealed record ReportOutcome(PlanReport? Report, ReportDocument? Document, string? Problem);
