namespace Tdkt.Mail;

/// <summary>A failure worth retrying later (connection refused, 429, 5xx); <see cref="RetryAfter"/> when the provider said.</summary>
public sealed class MailTransientException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
