namespace Tdkt.Assignments;

public static class EvidenceKinds
{
    public static string Extension(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => ".pdf",
        EvidenceKind.Docx => ".docx",
        EvidenceKind.Xlsx => ".xlsx",
        EvidenceKind.Png => ".png",
        _ => ".jpg",
    };

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Png => "image/png",
        _ => "image/jpeg",
    };

    /// <summary>How the page names the kind: "PDF", "Word", "Excel", "ảnh PNG", "ảnh JPEG".</summary>
    public static string Label(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "PDF",
        EvidenceKind.Docx => "Word",
        EvidenceKind.Xlsx => "Excel",
        EvidenceKind.Png => "ảnh PNG",
        _ => "ảnh JPEG",
    };

    /// <summary>The types a file input offers (a hint for the browser only: the server checks the content).</summary>
    public const string Accept = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
}
