
namespace Tdkt.Mail;

public enum DispatchOutcome
{
    /// <summary>Not for this call: already sent or failed, not due yet, or being sent by another dispatcher.</summary>
    Skipped,
    Sent,
    Retrying,
    Failed,
}
