namespace Tdkt.Mail;

/// <summary>What the digest templates see: every text already in Vietnamese; the templates only lay it out.</summary>
public sealed record DigestView(
    string Greeting,
    string DateText,
    string Intro,
    IReadOnlyList<string> Plans,
    IReadOnlyList<SectionView> Sections,
    string? Link,
    string Footer)
{
    /// <summary>Requests for more time: those waiting for this agency's answer, and the answers to its own (each group titled, with its lines).</summary>
    public IReadOnlyList<ExtensionSectionView> Extensions { get; init; } = [];
}

public sealed record ExtensionSectionView(string Title, string Hint, IReadOnlyList<ExtensionView> Items);

/// <summary>One request in a digest: "Nhiệm vụ 1 (252/KH-UBND): …" and what happened to it.</summary>
public sealed record ExtensionView(string Number, string Plan, string Content, string Text);

public sealed record SectionView(string Title, string Hint, IReadOnlyList<TaskView> Tasks);

/// <summary>One task in a digest. <see cref="Others"/> lists the co-responsible agencies ("" when none).</summary>
public sealed record TaskView(
    string Number,
    string Plan,
    string Content,
    string Deadline,
    string Phrase,
    string Status,
    string Role,
    string Others,
    bool Late);

/// <summary>What the weekly-summary templates see.</summary>
public sealed record WeeklyView(
    string Greeting,
    string DateText,
    string Intro,
    IReadOnlyList<ProgressRowView> Rows,
    ProgressRowView Total,
    string Footer);

public sealed record ProgressRowView(string Agency, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Total, string DonePercent);

/// <summary>What the periodic-report templates see: the cover message of the .docx drafts attached.</summary>
public sealed record ReportMailView(string Greeting, string DateText, string Intro, IReadOnlyList<ReportMailItemView> Reports, string Instructions, string Footer);

/// <summary>One plan's report in the mail: its reference, the period, the figures in one line and the attached file's name.</summary>
public sealed record ReportMailItemView(string Reference, string Period, string Figures, string Overdue, string FileName);
