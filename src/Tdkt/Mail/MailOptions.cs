using System.ComponentModel.DataAnnotations;

namespace Tdkt.Mail;

public enum MailChannelKind
{
    Smtp,
    Acs,
    Graph,
}

/// <summary>How digests are sent (<c>Tdkt:Mail</c>, env <c>Tdkt__Mail__…</c>).</summary>
public sealed class MailOptions
{
    public const string Section = "Tdkt:Mail";

    /// <summary>Smtp (MailKit), Acs (Azure Communication Services Email over REST) or Graph (Microsoft Graph sendMail).</summary>
    public MailChannelKind Channel { get; set; } = MailChannelKind.Smtp;

    /// <summary>The sender address (for ACS: a MailFrom address of a verified domain; for Graph: the mailbox that sends).</summary>
    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    public string From { get; set; } = "nhac-viec@tdkt.invalid";

    /// <summary>The sender's display name.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FromName { get; set; } = "Hệ thống nhắc việc thi đua, khen thưởng";

    /// <summary>A folder with the deployment's own templates (same file names as the built-in ones); empty uses the built-in ones.</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>Most messages sent per minute; 0 uses the channel's default (ACS 30, Graph 30, SMTP 600).</summary>
    [Range(0, 100_000)]
    public int RatePerMinute { get; set; }

    /// <summary>Attempts before a digest is marked failed (with exponential backoff between them).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The storage queue that carries digest keys to the <c>Dispatch</c> function.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Tdkt:Mail:DispatchQueue must be a valid queue name (3-63 lower-case letters, digits and single hyphens).")]
    public string DispatchQueue { get; set; } = "tdkt-dispatch";

    public int EffectiveRatePerMinute => RatePerMinute > 0 ? RatePerMinute : Channel switch
    {
        MailChannelKind.Acs => 30,
        MailChannelKind.Graph => 30,
        _ => 600,
    };
}

/// <summary>SMTP server (<c>Tdkt:Mail:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Tdkt:Mail:Smtp";

    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect, or None.</summary>
    [RegularExpression("^(Auto|StartTls|SslOnConnect|None)$", ErrorMessage = "Tdkt:Mail:Smtp:Security must be Auto, StartTls, SslOnConnect or None.")]
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>Azure Communication Services Email (<c>Tdkt:Mail:Acs</c>).</summary>
public sealed class AcsOptions
{
    public const string Section = "Tdkt:Mail:Acs";

    /// <summary>"endpoint=https://….communication.azure.com/;accesskey=…": HMAC authentication with the access key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The resource endpoint, used with a managed identity (Entra ID) when there is no connection string.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity to use; empty uses the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long one request may take before it is abandoned and retried (with the same Operation-Id).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

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
