using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Tdkt.Outbox;

namespace Tdkt.Mail.Channels;

/// <summary>
/// SMTP with MailKit. Connections are kept and reused (a few at a time) so a dispatch pass does not pay a
/// handshake per digest. 5xx answers are permanent; 4xx, refused connections and timeouts are transient.
/// </summary>
public sealed class SmtpChannel(IOptions<SmtpOptions> options) : IMailChannel, IDisposable
{
    /// <summary>A kept connection idle longer than this is asked (NOOP) before it is used: servers close idle ones (Postfix at 300 s, many sooner).</summary>
    public static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(1);

    private readonly ConcurrentBag<(SmtpClient Client, long IdleSince)> idle = [];

    public string Name => "Smtp";

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = MimeMessages.Build(mail);
        SmtpClient? client = null;
        try
        {
            bool reused;
            (client, reused) = await ConnectedAsync(cancellationToken);
            string answer;
            try
            {
                answer = await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (reused && IsClosed(ex))
            {
                // The server closed the kept connection before it took the message: once more at once, on a new one.
                client.Dispose();
                client = null;
                (client, _) = await ConnectedAsync(cancellationToken, fresh: true);
                answer = await client.SendAsync(message, cancellationToken);
            }
            idle.Add((client, System.Diagnostics.Stopwatch.GetTimestamp()));
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

    /// <summary>A failure that says the connection was gone, not that the server refused the message.</summary>
    private static bool IsClosed(Exception ex) => ex is ServiceNotConnectedException or SmtpProtocolException or IOException or SocketException;

    /// <summary>A kept connection that still answers, else a new one; whether it was kept.</summary>
    private async Task<(SmtpClient Client, bool Reused)> ConnectedAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        while (!fresh && idle.TryTake(out var pooled))
        {
            if (pooled.Client.IsConnected && await AnswersAsync(pooled.Client, pooled.IdleSince, cancellationToken))
            {
                return (pooled.Client, true);
            }
            pooled.Client.Dispose();
        }
        return (await ConnectAsync(cancellationToken), false);
    }

    /// <summary>Whether a kept connection may be used: just used, or it answers NOOP.</summary>
    private static async Task<bool> AnswersAsync(SmtpClient client, long idleSince, CancellationToken cancellationToken)
    {
        if (System.Diagnostics.Stopwatch.GetElapsedTime(idleSince) < CheckAfterIdle)
        {
            return true;
        }
        try
        {
            await client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (IsClosed(ex) || ex is SmtpCommandException)
        {
            return false;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
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
        while (idle.TryTake(out var kept))
        {
            kept.Client.Dispose();
        }
    }
}
