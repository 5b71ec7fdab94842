
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
