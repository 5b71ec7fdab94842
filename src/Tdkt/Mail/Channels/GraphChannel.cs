using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Authentication.Azure;
using Tdkt.Outbox;
using Tdkt.Wording;

namespace Tdkt.Mail.Channels;

/// <summary>
/// Microsoft Graph <c>users/{sender}/sendMail</c> through the Graph SDK (app-only). Graph answers 202 with no
/// id and no delivery receipt; the digest key travels in an X-Tdkt-Digest header for tracing. 429 and 503
/// are retried by the SDK (honouring Retry-After), then handed back as transient; other 4xx are permanent.
/// </summary>
public sealed class GraphChannel(IOptions<GraphOptions> options, IOptions<MailOptions> mailOptions, GraphCredential credential) : IMailChannel, IDisposable
{
    // The token goes only to the configured Graph host (graph.microsoft.com, a national cloud, or a local stub).
    private readonly GraphServiceClient client = new(
        new AzureIdentityAuthenticationProvider(credential.Credential, [new Uri(options.Value.BaseUrl).Host], scopes: ["https://graph.microsoft.com/.default"]),
        options.Value.BaseUrl);

    public string Name => "Graph";

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sender = string.IsNullOrEmpty(options.Value.Sender) ? mailOptions.Value.From : options.Value.Sender;
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = MailText.HeaderSafe(mail.Subject),
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
                ToRecipients = [.. mail.To.Select(Recipient)],
                CcRecipients = [.. mail.Cc.Select(Recipient)],
                ReplyTo = [.. mail.ReplyTo.Select(Recipient)],
                Attachments = [.. mail.Attachments.Select(a => (Attachment)new FileAttachment
                {
                    OdataType = "#microsoft.graph.fileAttachment",
                    Name = a.Name,
                    ContentType = a.ContentType.Split(';')[0],
                    ContentBytes = a.Content,
                })],
                // Graph takes only X- headers here, so Auto-Submitted cannot be set; X-Auto-Response-Suppress tells Exchange the same.
                InternetMessageHeaders =
                [
                    new InternetMessageHeader { Name = "X-Tdkt-Digest", Value = mail.IdempotencyKey },
                    new InternetMessageHeader { Name = "X-Auto-Response-Suppress", Value = "All" },
                ],
            },
            SaveToSentItems = true,
        };
        try
        {
            await client.Users[sender].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            return new MailSendResult($"graph:{mail.IdempotencyKey}", "202 Accepted");
        }
        catch (ApiException ex)
        {
            var message = ex is ODataError odata
                ? $"Graph trả lời {ex.ResponseStatusCode}: {odata.Error?.Code} {odata.Error?.Message}"
                : $"Graph trả lời {ex.ResponseStatusCode}: {ex.Message}";
            throw ex.ResponseStatusCode is 408 or 429 or >= 500
                ? new MailTransientException(message, null, ex)
                : new MailPermanentException(message, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or AuthenticationFailedException)
        {
            throw new MailTransientException($"Chưa gửi được qua Graph: {ex.Message}", null, ex);
        }
    }

    private static Recipient Recipient(MailAddress address) =>
        new() { EmailAddress = new EmailAddress { Address = address.Address, Name = address.Name ?? address.Address } };

    public void Dispose() => client.Dispose();
}
