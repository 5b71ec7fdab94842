using System.ComponentModel.DataAnnotations;

namespace Tdkt.Retention;

/// <summary>
/// How long what the product keeps grows before the daily sweep reduces it (Tdkt:Retention; docs/retention.md).
/// Personal data (Law 91/2025/QH15, in force since 01/01/2026) is kept as long as its purpose needs it: network
/// data (IP address, browser) only for security, names with the plan's records.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Tdkt:Retention";

    /// <summary>Send-rate slots (table MailSlots) older than this are deleted; they only pace the current minute.</summary>
    [Range(1, 365)]
    public int MailSlotDays { get; set; } = 2;

    /// <summary>A sent digest's content is removed this long after it was sent; its key, recipients, status and times stay.</summary>
    [Range(1, 3650)]
    public int SentPayloadDays { get; set; } = 90;

    /// <summary>IP addresses and user agents of completions, undos and reopenings are removed this long after them.</summary>
    [Range(1, 3650)]
    public int NetworkDataDays { get; set; } = 90;

    /// <summary>Names of the people who confirmed or reopened are removed this many years after the end of the plan's year.</summary>
    [Range(1, 50)]
    public int NameYears { get; set; } = 2;

    /// <summary>The most rows one daily run changes or deletes; the rest waits for the next run.</summary>
    [Range(100, 1_000_000)]
    public int MaxRowsPerRun { get; set; } = 20_000;
}
