using Microsoft.AspNetCore.Http;

namespace Tdkt.Web.Http;

/// <summary>HTML for people (the agency page, the report): never cached, framed, sniffed or indexed; and 303 after a form.</summary>
public static class HtmlPages
{
    /// <summary>Inline styles only, no scripts, forms only to this site.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Html(int status, string html) => new HtmlResult(status, html);

    /// <summary>303 See Other: the browser follows with a GET (post/redirect/get).</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    public static void AddSecurityHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private sealed class HtmlResult(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            AddSecurityHeaders(httpContext.Response);
            return Results.Content(html, "text/html; charset=utf-8", null, status).ExecuteAsync(httpContext);
        }
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
