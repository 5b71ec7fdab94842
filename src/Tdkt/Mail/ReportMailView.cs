namespace Tdkt.Mail;

/// <summary>What the periodic-report templates see: the cover message of the .docx drafts attached.</summary>
public sealed record ReportMailView(string Greeting, string DateText, string Intro, IReadOnlyList<ReportMailItemView> Reports, string Instructions, string Footer);
