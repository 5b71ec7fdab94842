namespace Tdkt.Reports.Official;

/// <summary>
/// Settings of the report sent upward (section <c>Tdkt:Reports</c>). Every one is optional: left empty, each comes
/// from the plan and the directory (<see cref="OfficialReports"/>).
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Tdkt:Reports";

    /// <summary>The directory id of the reporting agency; empty: the agency that supervises most of the plan's agencies (Sở Nội vụ).</summary>
    public string? From { get; set; }

    /// <summary>The governing body above it, first line of the header; empty: the reporting agency's supervisor, else the plan's issuer.</summary>
    public string? ParentBody { get; set; }

    /// <summary>After "Kính gửi:"; empty: the reporting agency's supervisor, else the plan's issuer.</summary>
    public string? Recipient { get; set; }

    /// <summary>The place of the date line ("Lạng Sơn, ngày …"); empty: the province or city in the plan's issuer.</summary>
    public string? Place { get; set; }

    /// <summary>The reporting body's abbreviation in "Số: …/BC-SNV"; empty: the initials of its name.</summary>
    public string? Abbreviation { get; set; }

    /// <summary>The signer's title above the signature ("GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"); empty: GIÁM ĐỐC.</summary>
    public string? SignerTitle { get; set; }

    /// <summary>The signer's name under the signature; empty: left for the specialist to fill in.</summary>
    public string? SignerName { get; set; }
}
