
namespace Tdkt.Outbox;

/// <summary>A weekly summary to a supervising agency.</summary>
public sealed record WeeklySummary(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<AgencyProgress> Agencies);
