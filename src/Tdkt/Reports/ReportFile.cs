using Tdkt.Assignments;

namespace Tdkt.Reports;

/// <summary>A file an agency attached as the result of one of its tasks, as the report lists it (who and when are in <see cref="File"/>).</summary>
public sealed record ReportFile(string Agency, string AgencyName, string TaskNumber, EvidenceFile File);
