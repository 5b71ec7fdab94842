using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Tdkt.Outbox;
using Tdkt.Wording;

namespace Tdkt.Mail.Channels;

/// <summary>
/// Azure Communication Services Email over its REST API (api-version 2023-03-31) on Azure.Core's pipeline:
/// HMAC with the connection string's access key, or Entra ID (managed identity). The Operation-Id is
/// derived from the digest key, so a retry is the same operation and never a second email. A 202 is
/// followed by polling the operation to Succeeded; Failed/Canceled (e.g. EmailDropped) are permanent.
/// 429 and 503 are retried by the pipeline honouring Retry-After, then handed back as transient.
/// </summary>
public sealed class AcsChannel : IMailChannel
{
    public const string ApiVersion = "2023-03-31";
    private static readonly TimeSpan PollFor = TimeSpan.FromMinutes(2);

    private readonly HttpPipeline pipeline;
    private readonly Uri endpoint;
    private readonly TimeProvider time;

    public AcsChannel(IOptions<AcsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        var settings = options.Value;
        var clientOptions = new AcsClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Delay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        HttpPipelinePolicy auth;
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            var (url, key) = ParseConnectionString(settings.ConnectionString);
            endpoint = url;
            auth = new AcsHmacPolicy(key, time);
        }
        else if (Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var url))
        {
            endpoint = url;
            TokenCredential credential = string.IsNullOrEmpty(settings.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId));
            auth = new BearerTokenAuthenticationPolicy(credential, "https://communication.azure.com//.default");
        }
        else
        {
            throw new InvalidOperationException("Tdkt:Mail:Channel = Acs cần Tdkt:Mail:Acs:ConnectionString (endpoint=…;accesskey=…) hoặc Tdkt:Mail:Acs:Endpoint (dùng managed identity).");
        }
        pipeline = HttpPipelineBuilder.Build(clientOptions, [], [auth], new ResponseClassifier());
    }

    public string Name => "Acs";

    /// <summary>Sends one request; an endpoint that cannot be reached (after the pipeline's retries) is a transient failure that says where.</summary>
    private async Task SendThroughAsync(HttpMessage message, string what, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new MailTransientException($"Chưa kết nối được ACS {endpoint.Authority} khi {what}: {ex.InnerException?.Message ?? ex.Message.Split('\n')[0]}", null, ex);
        }
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var operationId = OperationId(mail.IdempotencyKey);
        using var send = pipeline.CreateMessage();
        send.Request.Method = RequestMethod.Post;
        send.Request.Uri.Reset(new Uri(endpoint, $"./emails:send?api-version={ApiVersion}"));
        send.Request.Headers.SetValue("Content-Type", "application/json");
        send.Request.Headers.SetValue("Operation-Id", operationId.ToString());
        send.Request.Content = RequestContent.Create(Body(mail));
        await SendThroughAsync(send, "gửi thư", cancellationToken);
        var response = send.Response;
        if (response.Status != (int)HttpStatusCode.Accepted)
        {
            throw Failure(response, "gửi thư");
        }
        var location = response.Headers.TryGetValue("Operation-Location", out var header) && Uri.TryCreate(header, UriKind.Absolute, out var parsed)
            ? parsed
            : new Uri(endpoint, $"emails/operations/{operationId}?api-version={ApiVersion}");
        return await PollAsync(location, operationId, RetryAfter(response) ?? TimeSpan.FromSeconds(1), cancellationToken);
    }

    /// <summary>A UUID that is the same for every attempt at the same digest (SHA-256 of its key, marked as a name-based UUID).</summary>
    public static Guid OperationId(string idempotencyKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static (Uri Endpoint, byte[] Key) ParseConnectionString(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToLowerInvariant(), p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("endpoint", out var url) || !Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
            || !parts.TryGetValue("accesskey", out var key))
        {
            throw new InvalidOperationException("Tdkt:Mail:Acs:ConnectionString phải có dạng endpoint=https://….communication.azure.com/;accesskey=….");
        }
        try
        {
            return (uri, Convert.FromBase64String(key));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("accesskey trong Tdkt:Mail:Acs:ConnectionString không phải Base64.", ex);
        }
    }

    private async Task<MailSendResult> PollAsync(Uri location, Guid operationId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + PollFor;
        while (true)
        {
            await Task.Delay(Clamp(wait), time, cancellationToken);
            using var poll = pipeline.CreateMessage();
            poll.Request.Method = RequestMethod.Get;
            poll.Request.Uri.Reset(location);
            await SendThroughAsync(poll, "theo dõi trạng thái thư", cancellationToken);
            var response = poll.Response;
            if (response.Status != (int)HttpStatusCode.OK)
            {
                throw Failure(response, "theo dõi trạng thái thư");
            }
            var json = JsonNode.Parse(response.Content.ToString())!;
            var status = json["status"]?.GetValue<string>();
            switch (status)
            {
                case "Succeeded":
                    return new MailSendResult(json["id"]?.GetValue<string>() ?? operationId.ToString(), "Succeeded");
                case "Failed" or "Canceled":
                    var code = json["error"]?["code"]?.GetValue<string>();
                    var text = json["error"]?["message"]?.GetValue<string>();
                    throw new MailPermanentException($"ACS không gửi được thư ({status}{(code is null ? "" : ", " + code)}): {text}");
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new MailTransientException($"ACS chưa xử lý xong thao tác {operationId} sau {PollFor.TotalMinutes} phút (trạng thái {status}); lần thử sau dùng lại cùng Operation-Id.");
            }
            wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait;

    private static Exception Failure(Azure.Response response, string what)
    {
        var detail = response.Content.ToString();
        var message = $"ACS trả lời {response.Status} khi {what}: {(detail.Length > 500 ? detail[..500] : detail)}";
        return response.Status is 408 or 429 or >= 500
            ? new MailTransientException(message, RetryAfter(response))
            : new MailPermanentException(message);
    }

    private static TimeSpan? RetryAfter(Azure.Response response) =>
        response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private static byte[] Body(OutgoingMail mail)
    {
        static JsonArray Recipients(IEnumerable<MailAddress> list) =>
            new([.. list.Select(a => (JsonNode)new JsonObject { ["address"] = a.Address, ["displayName"] = a.Name ?? a.Address })]);
        var body = new JsonObject
        {
            ["senderAddress"] = mail.From.Address,
            ["recipients"] = new JsonObject { ["to"] = Recipients(mail.To), ["cc"] = Recipients(mail.Cc) },
            ["content"] = new JsonObject { ["subject"] = MailText.HeaderSafe(mail.Subject), ["plainText"] = mail.Text, ["html"] = mail.Html },
            ["attachments"] = new JsonArray([.. mail.Attachments.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["contentType"] = a.ContentType.Split(';')[0],
                ["contentInBase64"] = Convert.ToBase64String(a.Content),
            })]),
            ["replyTo"] = Recipients(mail.ReplyTo),
            ["headers"] = new JsonObject { ["Auto-Submitted"] = OutgoingMail.AutoSubmitted },
            ["userEngagementTrackingDisabled"] = true,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private sealed class AcsClientOptions : ClientOptions;
}
