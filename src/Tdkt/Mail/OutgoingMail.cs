namespace Tdkt.Mail;

/// <summary>A named mailbox: an address and an optional display name.</summary>
public sealed record MailAddress(string Address, string? Name = null);

/// <summary>An attachment, such as the digest's .ics calendar.</summary>
public sealed record MailAttachment(string Name, string ContentType, byte[] Content);

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

/// <summary>What the provider answered: its id for the message and a short human-readable answer.</summary>
public sealed record MailSendResult(string ProviderId, string Answer);

/// <summary>A failure worth retrying later (connection refused, 429, 5xx); <see cref="RetryAfter"/> when the provider said.</summary>
public sealed class MailTransientException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>A failure that retrying cannot fix (rejected address, message dropped by the provider).</summary>
public sealed class MailPermanentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One way of sending mail. Implementations throw <see cref="MailTransientException"/> or <see cref="MailPermanentException"/>.</summary>
public interface IMailChannel
{
    string Name { get; }

    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
