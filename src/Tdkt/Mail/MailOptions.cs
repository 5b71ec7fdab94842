using System.ComponentModel.DataAnnotations;

namespace Tdkt.Mail;

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
