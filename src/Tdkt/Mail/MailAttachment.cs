namespace Tdkt.Mail;

/// <summary>An attachment, such as the digest's .ics calendar.</summary>
public sealed record MailAttachment(string Name, string ContentType, byte[] Content);
