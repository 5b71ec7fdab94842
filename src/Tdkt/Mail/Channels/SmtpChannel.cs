using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Tdkt.Mail.Channels;

/// <summary>
/// SMTP with MailKit. Connections are kept and reused (a few at a time) so a dispatch pass does not pay a
/// handshake per digest. 5xx answers are permanent; 4xx, refused connections and timeouts are transient.
/// </summary>
public sealed class SmtpChannel(IOptions<SmtpOptions> options) : IMailChannel, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> idle = [];

    public string Name => "Smtp";

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = MimeMessages.Build(mail);
        SmtpClient? client = null;
        try
        {
            client = await ConnectedAsync(cancellationToken);
            var answer = await client.SendAsync(message, cancellationToken);
            idle.Add(client);
            client = null;
            return new MailSendResult(message.MessageId ?? "", answer);
        }
        catch (AuthenticationException ex)
        {
            throw new MailPermanentException(
                $"Máy chủ SMTP từ chối đăng nhập (535): kiểm tra Tdkt:Mail:Smtp:UserName và Password ({ex.Message}).", ex);
        }
        catch (NotSupportedException ex) when (!string.IsNullOrEmpty(options.Value.UserName))
        {
            throw new MailPermanentException(
                "Máy chủ SMTP không cho đăng nhập (không có AUTH) mà cấu hình có tên đăng nhập (Tdkt:Mail:Smtp:UserName): bỏ tên đăng nhập hoặc dùng máy chủ khác.", ex);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new MailPermanentException($"Máy chủ SMTP từ chối thư ({(int)ex.StatusCode}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or TimeoutException)
        {
            throw new MailTransientException($"Chưa gửi được qua SMTP {options.Value.Host}:{options.Value.Port}: {ex.Message}", null, ex);
        }
        finally
        {
            client?.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var pooled))
        {
            if (pooled.IsConnected)
            {
                return pooled;
            }
            pooled.Dispose();
        }
        var settings = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(string value) => value switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    public void Dispose()
    {
        while (idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }
}
