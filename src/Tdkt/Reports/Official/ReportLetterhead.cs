
namespace Tdkt.Reports.Official;

/// <summary>
/// Who writes the report and to whom, as its header and signature block say: the governing body above the reporting
/// one ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"), the reporting body ("SỞ NỘI VỤ") and its abbreviation in the number
/// ("Số: …/BC-SNV"), the place in the date line, the recipient after "Kính gửi:", and the signer's title.
/// </summary>
public sealed record ReportLetterhead(string ParentBody, string Body, string Abbreviation, string Place, string Recipient, string SignerTitle, string? SignerName);
