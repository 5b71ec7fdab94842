using System.ComponentModel.DataAnnotations;

namespace Tdkt.Mail;

/// <summary>Microsoft Graph sendMail with app-only credentials (<c>Tdkt:Mail:Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string Section = "Tdkt:Mail:Graph";

    /// <summary>The Graph endpoint; another cloud (or a test stub) by changing it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The Entra ID tenant of the app registration (with a client secret).</summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The app's client secret; empty uses the managed identity (which needs the Mail.Send application permission).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The user id or UPN of the mailbox that sends; empty uses Tdkt:Mail:From.</summary>
    public string? Sender { get; set; }
}
