using Microsoft.Extensions.Options;
using Tdkt.Mail;
using Tdkt.Mail.Channels;

namespace Tdkt.Tests.Mail;

/// <summary>A kept SMTP connection the server closed while idle is not trusted: the mail goes out on a new one, at once.</summary>
public sealed class SmtpIdleConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutgoingMail Mail(int n) => new($"idle-test/{n}", new MailAddress("nhac-viec@tdkt.invalid", "Nhắc việc"), [new MailAddress("so-noi-vu@example.org")], [],
        $"[TĐKT] Thư thử {n}", "<p>Thư thử</p>", "Thư thử", []);

    [Fact]
    public async Task A_mail_after_the_server_closed_the_idle_connection_is_sent_on_a_new_one_not_reported_sent_or_failed_wrongly()
    {
        await using var server = new IdleClosingSmtpServer(TimeSpan.FromMilliseconds(300));
        using var channel = new SmtpChannel(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = "None" }));

        await channel.SendAsync(Mail(1), Ct);
        // Idle past the server's limit, under the channel's own check (the send itself finds the connection gone) …
        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        await channel.SendAsync(Mail(2), Ct);
        // … and past it (the check finds it gone before sending).
        await Task.Delay(SmtpChannel.CheckAfterIdle + TimeSpan.FromMilliseconds(300), Ct);
        await channel.SendAsync(Mail(3), Ct);
        // Used at once, the kept connection is used again.
        await channel.SendAsync(Mail(4), Ct);

        Assert.Equal(4, server.Accepted);
        Assert.Equal(3, server.Connections);
    }
}
