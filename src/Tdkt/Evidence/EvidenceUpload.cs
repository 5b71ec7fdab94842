using Tdkt.Assignments;

namespace Tdkt.Evidence;

/// <summary>A checked upload: its content, its kind by content and the safe name it will be offered under.</summary>
public sealed record EvidenceUpload(byte[] Content, EvidenceKind Kind, string Name);
