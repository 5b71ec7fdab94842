using NodaTime;
using NodaTime.Text;

namespace Tdkt.Reminders;

public enum DigestKind
{
    /// <summary>The working-day digest to an agency: its notices across every active plan.</summary>
    Daily,

    /// <summary>The weekly summary to a supervising agency: the four official categories per agency it supervises.</summary>
    Weekly,
}

/// <summary>
/// What makes a digest unique: one per agency, kind and local date. The outbox row and the provider's
/// operation id are derived from it, so whatever runs twice writes, and sends, once.
/// </summary>
public readonly record struct DigestKey(LocalDate Date, DigestKind Kind, string Agency)
{
    public string PartitionKey => LocalDatePattern.Iso.Format(Date);

    public string RowKey => $"{KindName}~{Agency}";

    /// <summary>"2023-03-24/daily/so-noi-vu": the queue message and the basis of idempotency keys.</summary>
    public string Value => $"{PartitionKey}/{KindName}/{Agency}";

    private string KindName => Kind == DigestKind.Daily ? "daily" : "weekly";

    public override string ToString() => Value;

    public static DigestKey Parse(string value) =>
        TryParse(value) ?? throw new FormatException($"'{value}' is not a digest key (yyyy-MM-dd/daily|weekly/agency).");

    public static DigestKey? TryParse(string? value)
    {
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 3 || !LocalDatePattern.Iso.Parse(parts[0]).TryGetValue(default, out var date)
            || parts[1] is not ("daily" or "weekly") || parts[2].Length == 0)
        {
            return null;
        }
        return new DigestKey(date, parts[1] == "daily" ? DigestKind.Daily : DigestKind.Weekly, parts[2]);
    }
}

/// <summary>One task an agency hears about today. <see cref="WorkingDaysLeft"/> is negative when overdue.</summary>
public sealed record Notice(string Plan, string TaskKey, string Task, NoticeKind Kind, LocalDate Due, int WorkingDaysLeft);

/// <summary>A daily digest: who receives it and what it says. Escalations copy the supervising agency.</summary>
public sealed record Digest(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<Notice> Notices);

/// <summary>The four official categories for one agency (done on time, done late, open within deadline, open overdue).</summary>
public sealed record AgencyProgress(string Agency, string AgencyName, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue)
{
    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue;
}

/// <summary>A weekly summary to a supervising agency.</summary>
public sealed record WeeklySummary(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<AgencyProgress> Agencies);
