using NodaTime;
using NodaTime.Text;

namespace Tdkt.Outbox;

public enum DigestKind
{
    /// <summary>The working-day digest to an agency: its notices across every active plan.</summary>
    Daily,

    /// <summary>The weekly summary to a supervising agency: the four official categories per agency it supervises.</summary>
    Weekly,

    /// <summary>
    /// The periodic report to the reporting agency (Sở Nội vụ), the .docx draft attached: keyed by the period's send day
    /// (the first working day after it), so a catch-up after downtime writes the same row and it is sent once.
    /// </summary>
    Report,
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

    private string KindName => Kind switch
    {
        DigestKind.Daily => "daily",
        DigestKind.Weekly => "weekly",
        _ => "report",
    };

    public override string ToString() => Value;

    public static DigestKey Parse(string value) =>
        TryParse(value) ?? throw new FormatException($"'{value}' is not a digest key (yyyy-MM-dd/daily|weekly|report/agency).");

    public static DigestKey? TryParse(string? value)
    {
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 3 || !LocalDatePattern.Iso.Parse(parts[0]).TryGetValue(default, out var date)
            || parts[1] is not ("daily" or "weekly" or "report") || parts[2].Length == 0)
        {
            return null;
        }
        return new DigestKey(date, parts[1] switch { "daily" => DigestKind.Daily, "weekly" => DigestKind.Weekly, _ => DigestKind.Report }, parts[2]);
    }
}

/// <summary>One task an agency hears about today. <see cref="WorkingDaysLeft"/> is negative when overdue.</summary>
public sealed record Notice(string Plan, string TaskKey, string Task, NoticeKind Kind, LocalDate Due, int WorkingDaysLeft);

/// <summary>A daily digest: who receives it and what it says. Escalations copy the supervising agency.</summary>
public sealed record Digest(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<Notice> Notices)
{
    /// <summary>Requests for more time: waiting for this agency's answer, or its own, answered.</summary>
    public ValueList<DeadlineExtensions.ExtensionNote> Extensions { get; init; } = ValueList.Empty<DeadlineExtensions.ExtensionNote>();
}

/// <summary>The four official categories for one agency (done on time, done late, open within deadline, open overdue).</summary>
public sealed record AgencyProgress(string Agency, string AgencyName, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue)
{
    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue;
}

/// <summary>One plan's report in a periodic report mail: the plan, and the period it covers (reported as of the mail's day).</summary>
public sealed record PeriodicReportItem(string Plan, string Kind, LocalDate Start);

/// <summary>The periodic report mail to a reporting agency: one .docx per plan whose period ended.</summary>
public sealed record PeriodicReportMail(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<PeriodicReportItem> Reports);

/// <summary>A weekly summary to a supervising agency.</summary>
public sealed record WeeklySummary(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<AgencyProgress> Agencies);
