using Tdkt.Assignments;

namespace Tdkt.Evidence;

/// <summary>The verdict on one uploaded file: its kind, or why it is refused.</summary>
public readonly record struct FileVerdict(EvidenceKind? Kind, FileRefusal? Refusal);
