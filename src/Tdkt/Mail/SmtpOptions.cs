using System.ComponentModel.DataAnnotations;

namespace Tdkt.Mail;

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
