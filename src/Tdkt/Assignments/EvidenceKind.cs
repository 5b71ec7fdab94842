namespace Tdkt.Assignments;

/// <summary>What an attached file is, told from its content (never from its name): the kinds an agency may attach.</summary>
public enum EvidenceKind
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
}
