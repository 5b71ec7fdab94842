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
