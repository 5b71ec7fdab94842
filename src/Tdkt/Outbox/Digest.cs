
namespace Tdkt.Outbox;

/// <summary>A daily digest: who receives it and what it says. Escalations copy the supervising agency.</summary>
public sealed record Digest(DigestKey Key, string AgencyName, ValueList<string> To, ValueList<string> Cc, ValueList<Notice> Notices)
{
    /// <summary>Requests for more time: waiting for this agency's answer, or its own, answered.</summary>
    public ValueList<DeadlineExtensions.ExtensionNote> Extensions { get; init; } = ValueList.Empty<DeadlineExtensions.ExtensionNote>();
}
