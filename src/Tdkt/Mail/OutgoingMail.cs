namespace Tdkt.Mail;

/// <summary>
/// A message ready for any channel. <see cref="IdempotencyKey"/> is derived from the digest key: the SMTP
/// Message-ID and the ACS Operation-Id come from it, so a retry is recognisably the same message.
/// </summary>
public sealed record OutgoingMail(
    string IdempotencyKey,
    MailAddress From,
    IReadOnlyList<MailAddress> To,
    IReadOnlyList<MailAddress> Cc,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>Where a reply goes: the agency that follows the recipient up (its contact in the directory), not the sending mailbox.</summary>
    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    /// <summary>RFC 3834: every message of the product is sent by a program, so auto-responders do not answer it.</summary>
    public const string AutoSubmitted = "auto-generated";
}
