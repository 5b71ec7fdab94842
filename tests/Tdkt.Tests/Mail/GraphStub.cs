using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A local stand-in for Entra ID's token endpoint and Graph's sendMail: it issues a token for the
/// client-credentials grant (checking the form), then checks each sendMail's route, bearer token and
/// JSON (parsed case-insensitively, since the SDK writes some names in PascalCase) and answers 202.
/// </summary>
public sealed class GraphStub : LocalHttpStub
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    public const string ClientId = "11111111-1111-1111-1111-1111111111bb";
    public const string Secret = "bí-mật-thử";

    private readonly string token = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string BaseUrl => $"http://127.0.0.1:{Port}/v1.0";

    /// <summary>Every accepted sendMail: the mailbox in the route and the message JSON.</summary>
    public ConcurrentQueue<(string Sender, JsonObject Message)> Sends { get; } = new();

    /// <summary>The client-credentials sign-in a deployment's app registration does, against this stub's token endpoint.</summary>
    public TokenCredential Credential => new ClientCredentials(new Uri($"http://127.0.0.1:{Port}/{Tenant}/oauth2/v2.0/token"));

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        if (request.HttpMethod == "POST" && path == $"/{Tenant}/oauth2/v2.0/token")
        {
            var form = System.Web.HttpUtility.ParseQueryString(body);
            if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != Secret
                || form["scope"] != "https://graph.microsoft.com/.default")
            {
                Problems.Enqueue($"bad token request: {body}");
                context.Response.StatusCode = 400;
                return;
            }
            var json = Encoding.UTF8.GetBytes(new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600 }.ToJsonString());
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(json);
            return;
        }
        var route = System.Text.RegularExpressions.Regex.Match(path, "^/v1.0/users/([^/]+)/sendMail$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (request.HttpMethod != "POST" || !route.Success)
        {
            Problems.Enqueue($"unexpected {request.HttpMethod} {path}");
            context.Response.StatusCode = 404;
            return;
        }
        if (request.Headers["Authorization"] != $"Bearer {token}")
        {
            Problems.Enqueue($"bad Authorization '{request.Headers["Authorization"]}'");
            context.Response.StatusCode = 401;
            return;
        }
        var root = JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!.AsObject();
        var message = root["message"]?.AsObject();
        if (message is null || message["subject"] is null || message["body"]?["content"] is null
            || !string.Equals(message["body"]?["contentType"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase)
            || message["toRecipients"] is not JsonArray { Count: > 0 } to || to.Any(r => r?["emailAddress"]?["address"] is null))
        {
            Problems.Enqueue($"bad sendMail body: {body[..Math.Min(body.Length, 300)]}");
            context.Response.StatusCode = 400;
            return;
        }
        foreach (var attachment in message["attachments"]?.AsArray() ?? [])
        {
            if (attachment?["@odata.type"]?.GetValue<string>() != "#microsoft.graph.fileAttachment" || attachment["contentBytes"] is null)
            {
                Problems.Enqueue("an attachment is not a fileAttachment with contentBytes");
            }
        }
        // Graph answers 400 to a custom header whose name does not start with "x-".
        if (message["internetMessageHeaders"]?.AsArray().Any(h => h?["name"]?.GetValue<string>().StartsWith("x-", StringComparison.OrdinalIgnoreCase) != true) == true)
        {
            Problems.Enqueue("an internetMessageHeaders entry does not start with x-");
            context.Response.StatusCode = 400;
            return;
        }
        Sends.Enqueue((Uri.UnescapeDataString(route.Groups[1].Value), message));
        context.Response.StatusCode = 202;
    }

    /// <summary>OAuth 2.0 client credentials, as an app registration signs in: a form POST to the token endpoint.</summary>
    private sealed class ClientCredentials(Uri tokenEndpoint) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            using var http = new HttpClient();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = Secret,
                ["scope"] = string.Join(" ", requestContext.Scopes),
            });
            using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return new AccessToken(json!["access_token"]!.GetValue<string>(), DateTimeOffset.UtcNow.AddSeconds(json["expires_in"]!.GetValue<int>()));
        }
    }
}
