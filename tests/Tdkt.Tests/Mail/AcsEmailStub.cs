using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A local stand-in for the ACS Email REST API that checks the documented wire format on every request:
/// the HMAC-SHA256 signature and content hash (recomputed here from the raw request, independently of the
/// product's code), the route and api-version, the Operation-Id and the JSON body. It answers 202, then
/// serves the operation's status (Running, then Succeeded or Failed). Anything off is kept in <see cref="LocalHttpStub.Problems"/>.
/// </summary>
public sealed partial class AcsEmailStub : LocalHttpStub
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, int> polls = new(StringComparer.Ordinal);
    private int tooManyLeft;

    public string ConnectionString => $"endpoint=http://127.0.0.1:{Port}/;accesskey={Convert.ToBase64String(key)}";

    /// <summary>The service's clock, for its 15-minute check of x-ms-date; a test that moves real time on gives it the same.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Answer this many sends with 429 and Retry-After: 1 before accepting.</summary>
    public int TooManyRequests { get => tooManyLeft; set => tooManyLeft = value; }

    /// <summary>When set, every operation ends Failed with this error code (for example EmailDropped).</summary>
    public string? FailWith { get; set; }

    /// <summary>Every accepted send, in order: its Operation-Id and JSON body.</summary>
    public ConcurrentQueue<(string OperationId, JsonObject Body)> Sends { get; } = new();

    private int throttled;

    /// <summary>Accept this many sends (the operation is recorded, as ACS would), then answer 500 as if the answer was lost.</summary>
    public int ServerErrorsAfterAccepting { get => serverErrorsLeft; set => serverErrorsLeft = value; }

    private int serverErrorsLeft;

    /// <summary>Accept this many sends, then answer only after <see cref="SlowBy"/> (longer than the client waits).</summary>
    public int SlowAnswers { get => slowLeft; set => slowLeft = value; }

    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(4);

    private int slowLeft;

    /// <summary>Sends answered with 429.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        CheckSignature(request, body);
        var path = request.Url!.AbsolutePath;
        if (request.HttpMethod == "POST" && path == "/emails:send")
        {
            await SendAsync(context, body);
        }
        else if (request.HttpMethod == "GET" && OperationRoute().Match(path) is { Success: true } match)
        {
            await PollAsync(context, match.Groups[1].Value);
        }
        else
        {
            Problems.Enqueue($"unexpected {request.HttpMethod} {path}");
            context.Response.StatusCode = 404;
        }
    }

    private void CheckSignature(HttpListenerRequest request, byte[] body)
    {
        if (request.QueryString["api-version"] != "2023-03-31")
        {
            Problems.Enqueue($"api-version is '{request.QueryString["api-version"]}'");
        }
        var date = request.Headers["x-ms-date"];
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedAt))
        {
            Problems.Enqueue($"x-ms-date '{date}' is not RFC 1123");
        }
        else if ((signedAt - Time.GetUtcNow()).Duration() > TimeSpan.FromMinutes(15))
        {
            // As the service does: a request signed more than 15 minutes off its own clock is refused.
            Problems.Enqueue($"x-ms-date '{date}' is more than 15 minutes from now");
        }
        var hash = Convert.ToBase64String(SHA256.HashData(body));
        if (request.Headers["x-ms-content-sha256"] != hash)
        {
            Problems.Enqueue("x-ms-content-sha256 does not match the body");
        }
        var auth = AuthorizationHeader().Match(request.Headers["Authorization"] ?? "");
        var toSign = $"{request.HttpMethod}\n{request.Url!.PathAndQuery}\n{date};{request.Headers["Host"]};{hash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        if (!auth.Success || auth.Groups[1].Value != expected)
        {
            Problems.Enqueue($"bad signature on {request.HttpMethod} {request.Url.PathAndQuery}: '{request.Headers["Authorization"]}'");
        }
    }

    private async Task SendAsync(HttpListenerContext context, byte[] body)
    {
        var request = context.Request;
        var operationId = request.Headers["Operation-Id"] ?? "";
        if (!Guid.TryParse(operationId, out _))
        {
            Problems.Enqueue($"Operation-Id '{operationId}' is not a UUID");
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Problems.Enqueue($"Content-Type is '{request.ContentType}'");
        }
        if (Interlocked.Decrement(ref tooManyLeft) >= 0)
        {
            Interlocked.Increment(ref throttled);
            context.Response.StatusCode = 429;
            context.Response.Headers["Retry-After"] = "1";
            return;
        }
        var json = JsonNode.Parse(body)!.AsObject();
        CheckBody(json);
        Sends.Enqueue((operationId, json));
        if (Interlocked.Decrement(ref slowLeft) >= 0)
        {
            await Task.Delay(SlowBy);
        }
        if (Interlocked.Decrement(ref serverErrorsLeft) >= 0)
        {
            context.Response.StatusCode = 500;
            await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = "InternalError", ["message"] = "Thử lỗi máy chủ." } });
            return;
        }
        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = $"http://127.0.0.1:{Port}/emails/operations/{operationId}?api-version=2023-03-31";
        context.Response.Headers["Retry-After"] = "0";
        await WriteJsonAsync(context, new JsonObject { ["id"] = operationId, ["status"] = "Running" });
    }

    private void CheckBody(JsonObject json)
    {
        var sender = json["senderAddress"]?.GetValue<string>() ?? "";
        if (!sender.Contains('@', StringComparison.Ordinal) || sender.Contains('<', StringComparison.Ordinal))
        {
            Problems.Enqueue($"senderAddress '{sender}' is not a plain address");
        }
        if (json["recipients"]?["to"] is not JsonArray to || to.Count == 0 || to.Any(r => r?["address"] is null))
        {
            Problems.Enqueue("recipients.to is missing or has an entry without address");
        }
        foreach (var field in new[] { "subject", "plainText", "html" })
        {
            if (string.IsNullOrEmpty(json["content"]?[field]?.GetValue<string>()))
            {
                Problems.Enqueue($"content.{field} is empty");
            }
        }
        // replyTo is a list of {address, displayName}; headers an object of string values (the documented shapes).
        if (json["replyTo"] is { } replyTo && (replyTo is not JsonArray list || list.Any(r => r?["address"] is null)))
        {
            Problems.Enqueue("replyTo is not a list of {address, displayName}");
        }
        if (json["headers"] is { } headers && (headers is not JsonObject map || map.Any(h => h.Value?.GetValueKind() != System.Text.Json.JsonValueKind.String)))
        {
            Problems.Enqueue("headers is not an object of strings");
        }
        foreach (var attachment in json["attachments"]?.AsArray() ?? [])
        {
            try
            {
                _ = Convert.FromBase64String(attachment!["contentInBase64"]!.GetValue<string>());
                _ = attachment["name"]!.GetValue<string>() + attachment["contentType"]!.GetValue<string>();
            }
            catch (Exception ex) when (ex is FormatException or NullReferenceException)
            {
                Problems.Enqueue("an attachment lacks name/contentType or valid contentInBase64");
            }
        }
    }

    private async Task PollAsync(HttpListenerContext context, string operationId)
    {
        if (!Sends.Any(s => s.OperationId == operationId))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var count = polls.AddOrUpdate(operationId, 1, (_, n) => n + 1);
        var status = count == 1 ? "Running" : FailWith is null ? "Succeeded" : "Failed";
        var answer = new JsonObject { ["id"] = operationId, ["status"] = status };
        if (status == "Failed")
        {
            answer["error"] = new JsonObject { ["code"] = FailWith, ["message"] = "The email was dropped." };
        }
        context.Response.Headers["Retry-After"] = "0";
        await WriteJsonAsync(context, answer);
    }

    private static async Task WriteJsonAsync(HttpListenerContext context, JsonObject json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    [GeneratedRegex("^/emails/operations/([^/]+)$")]
    private static partial Regex OperationRoute();

    [GeneratedRegex("^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$")]
    private static partial Regex AuthorizationHeader();
}
