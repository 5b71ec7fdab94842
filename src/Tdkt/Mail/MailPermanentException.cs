namespace Tdkt.Mail;

/// <summary>A failure that retrying cannot fix (rejected address, message dropped by the provider).</summary>
public sealed class MailPermanentException(string message, Exception? inner = null) : Exception(message, inner);
