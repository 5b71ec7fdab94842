using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Tdkt.Wording;

namespace Tdkt.Mail.Channels;

/// <summary>Builds the MIME message (multipart/alternative text + HTML, plus attachments) with a Message-ID derived from the digest key.</summary>
public static class MimeMessages
{
    public static MimeMessage Build(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage { Subject = MailText.HeaderSafe(mail.Subject), MessageId = MessageId(mail) };
        message.From.Add(Mailbox(mail.From));
        message.To.AddRange(mail.To.Select(Mailbox));
        message.Cc.AddRange(mail.Cc.Select(Mailbox));
        message.ReplyTo.AddRange(mail.ReplyTo.Select(Mailbox));
        message.Headers.Add("Auto-Submitted", OutgoingMail.AutoSubmitted);
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.Name, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>"2023-03-24.daily.so-noi-vu.1a2b3c4d@sender-domain": the same for every attempt at the same digest.</summary>
    public static string MessageId(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var domain = mail.From.Address[(mail.From.Address.LastIndexOf('@') + 1)..];
        var local = new string([.. mail.IdempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' ? c : '.')]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mail.IdempotencyKey)))[..8];
        return $"{local}.{hash}@{domain}";
    }

    private static MailboxAddress Mailbox(MailAddress address) =>
        new(address.Name is null ? "" : MailText.HeaderSafe(address.Name), address.Address);
}
