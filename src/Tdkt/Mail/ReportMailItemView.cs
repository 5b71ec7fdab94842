namespace Tdkt.Mail;

/// <summary>One plan's report in the mail: its reference, the period, the figures in one line and the attached file's name.</summary>
public sealed record ReportMailItemView(string Reference, string Period, string Figures, string Overdue, string FileName);
