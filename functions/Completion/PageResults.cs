using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tdkt.Functions.Completion;

/// <summary>HTTP shapes of the agency page: HTML that is never cached, framed or indexed, and 303 after a form.</summary>
public static class PageResults
{
    /// <summary>Inline styles only, no scripts, forms only to this site.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IActionResult Html(HttpRequest request, int status, string html)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        return new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = html };
    }

    /// <summary>303 See Other: the browser follows with a GET (post/redirect/get).</summary>
    public static IActionResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.HttpContext.Response.Headers.Location = location;
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The client's address: the last X-Forwarded-For entry (the one the platform's front end adds), else the
    /// connection's, without a port.
    /// </summary>
    public static string ClientIp(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (last is not null)
        {
            if (System.Net.IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
            return last.Length > 64 ? last[..64] : last;
        }
        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
