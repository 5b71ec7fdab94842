using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Tdkt.Mail.Channels;

/// <summary>
/// Signs each request as Azure Communication Services documents for access keys: x-ms-date (RFC 1123),
/// x-ms-content-sha256 = Base64(SHA-256(body)), and an HMAC-SHA256 over
/// "METHOD\npath?query\ndate;host;content-hash" with the Base64-decoded key.
/// </summary>
public sealed class AcsHmacPolicy(byte[] accessKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        using var body = new MemoryStream();
        request.Content?.WriteTo(body, message.CancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.ToArray()));
        // Real time: the service refuses a date more than 15 minutes off, whatever date the business clock says.
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var signature = Sign(accessKey, request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    /// <summary>The documented signature, also used by the test stub to check what it receives.</summary>
    public static string Sign(byte[] key, string method, string pathAndQuery, string date, string host, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        var toSign = $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }
}
