

namespace Tdkt.Mail;

public enum DigestRetryResult
{
    /// <summary>Reset to pending with fresh attempts and queued: the next dispatch pass sends it.</summary>
    Retried,
    BadKey,
    NotFound,

    /// <summary>Not failed (pending, being sent or sent), or it changed meanwhile: nothing done.</summary>
    NotFailed,
}
