
namespace Tdkt.Mail;

public enum MailChannelKind
{
    Smtp,
    Acs,
    Graph,
}
