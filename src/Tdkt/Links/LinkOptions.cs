using System.ComponentModel.DataAnnotations;

namespace Tdkt.Links;

/// <summary>Signing of agency links (<c>Tdkt:Links</c>). The keys come from Key Vault in Azure.</summary>
public sealed class LinkOptions
{
    public const string Section = "Tdkt:Links";

    /// <summary>
    /// "id=base64key;id=base64key…", newest first: new links are signed with the first, links signed with
    /// any listed key still verify, so a key is rotated by putting a new one first and dropping the old one later.
    /// Each key is at least 32 random bytes. Empty: no links can be made.
    /// </summary>
    public string? SigningKeys { get; set; }

    /// <summary>
    /// The public address of the function app (or of <c>tdkt up</c>), e.g. https://tdkt.example.org: agency links are
    /// {BaseUrl}/api/a/{token}. Empty: digests carry no link.
    /// </summary>
    [RegularExpression(@"^(https?://[^\s/?#]+(/[^\s?#]*)?)?$", ErrorMessage = "Tdkt:Links:BaseUrl must be empty or an http(s) address such as https://tdkt.example.org.")]
    public string? BaseUrl { get; set; }

    /// <summary>How long after the end of the plan year a link stays valid.</summary>
    [Range(1, 3650)]
    public int GraceDays { get; set; } = 60;
}
