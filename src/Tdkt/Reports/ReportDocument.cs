
namespace Tdkt.Reports;

/// <summary>A report written out: its bytes, their content type and the file name to save them under.</summary>
public sealed record ReportDocument(byte[] Content, string ContentType, string FileName);
