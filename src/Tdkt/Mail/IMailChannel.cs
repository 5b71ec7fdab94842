using Tdkt.Outbox;

namespace Tdkt.Mail;

/// <summary>One way of sending mail. Implementations throw <see cref="MailTransientException"/> or <see cref="MailPermanentException"/>.</summary>
public interface IMailChannel
{
    string Name { get; }

    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
