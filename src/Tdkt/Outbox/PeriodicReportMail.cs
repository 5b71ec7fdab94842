
namespace Tdkt.Outbox;

/// <summary>The periodic report mail to a reporting agency: one .docx per plan whose period ended.</summary>
public sealed record PeriodicReportMail(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<PeriodicReportItem> Reports);
