namespace Tdkt.Mail;

/// <summary>What the weekly-summary templates see.</summary>
public sealed record WeeklyView(
    string Greeting,
    string DateText,
    string Intro,
    IReadOnlyList<ProgressRowView> Rows,
    ProgressRowView Total,
    string Footer);
