using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Clock;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Wording;

namespace Tdkt.Web.Console;

/// <summary>
/// Mails a one-time sign-in link to a listed console user who asked for one on the sign-in page: nothing for an address
/// that is not listed (the page says the same either way, as fast), at most one mail per address per two minutes, sent at
/// once in the background (not through the digest outbox, since the link lasts 15 minutes).
/// </summary>
public sealed partial class SignInMail(SignInLinks links, IMailChannel channel, IOptions<MailOptions> mail, IOptions<LinkOptions> linkOptions, IClock clock,
    ILogger<SignInMail> logger)
{
    public static readonly Duration Interval = Duration.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Instant> lastSent = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts mailing the link and returns at once: the page answers a listed and an unlisted address alike, in the same
    /// time, whatever the mail server does (slow, refusing); a failure is logged without the address.
    /// </summary>
    public void Queue(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        _ = Task.Run(async () =>
        {
            try
            {
                await SendAsync(email, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSendFailed(logger, ex.GetType().Name);
            }
        });
    }

    public async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (lastSent.TryGetValue(email, out var last) && now - last < Interval)
        {
            LogThrottled(logger);
            return;
        }
        if (string.IsNullOrEmpty(linkOptions.Value.BaseUrl))
        {
            LogNoBaseUrl(logger);
            return;
        }
        if (await links.CreateAsync(email, cancellationToken) is not { } token)
        {
            return;
        }
        lastSent[email] = now;
        var url = SignInLinks.Url(linkOptions.Value.BaseUrl, token)!;
        var until = VietnamTime.Moment(now + SignInLinks.Lifetime);
        var text = $"Đường dẫn đăng nhập trang quản trị nhắc việc thi đua, khen thưởng của {email}:\n\n{url}\n\n"
            + $"Đường dẫn dùng được một lần, đến {until}. Nếu không phải quý vị yêu cầu, xin bỏ qua thư này.\n";
        var html = $"<p>Đường dẫn đăng nhập trang quản trị nhắc việc thi đua, khen thưởng của {WebUtility.HtmlEncode(email)}:</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">Đăng nhập trang quản trị</a></p>"
            + $"<p>Đường dẫn dùng được một lần, đến {WebUtility.HtmlEncode(until)}. Nếu không phải quý vị yêu cầu, xin bỏ qua thư này.</p>";
        var message = new OutgoingMail($"console-signin/{token[..12]}", new MailAddress(mail.Value.From, MailText.HeaderSafe(mail.Value.FromName)),
            [new MailAddress(email)], [], "[TĐKT] Đường dẫn đăng nhập trang quản trị", html, text, []);
        try
        {
            await channel.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is MailTransientException or MailPermanentException)
        {
            // The person asks again; nothing else depends on this mail. The provider's answer can name the address: not logged.
            LogSendFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in link not mailed: one was mailed to this address less than two minutes ago")]
    private static partial void LogThrottled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in link not mailed: Tdkt:Links:BaseUrl is not set")]
    private static partial void LogNoBaseUrl(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in link could not be mailed ({Failure})")]
    private static partial void LogSendFailed(ILogger logger, string failure);
}
