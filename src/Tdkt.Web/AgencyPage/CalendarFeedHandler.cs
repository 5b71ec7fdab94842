using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// <c>GET|HEAD /api/cal/{token}.ics</c>: the agency's open deadlines for a calendar to subscribe to. The token is a
/// feed token (a page link is refused here, and the reverse), revoked with the agency's links. Calendar clients
/// poll it: the answer carries ETag and Last-Modified, and a matching If-None-Match (or an If-Modified-Since not
/// older than the last change) answers 304 with nothing else read or sent.
/// </summary>
public sealed class CalendarFeedHandler(LinkGate gate, AgencyCalendarFeed feeds)
{
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(token);
        var bare = token.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? token[..^4] : token;
        var (agency, problem) = await gate.CheckAsync(request, bare, cancellationToken, feed: true);
        if (problem is not null)
        {
            return problem;
        }
        var feed = await feeds.BuildAsync(agency!, cancellationToken);
        var headers = request.HttpContext.Response.Headers;
        headers.ETag = feed.ETag;
        headers.LastModified = feed.LastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (NotModified(request, feed))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(feed.Content, "text/calendar; charset=utf-8", "thoi-han-nhiem-vu.ics");
    }

    private static bool NotModified(HttpRequest request, CalendarFeed feed)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(feed.ETag), useStrongComparison: false));
        }
        return request.GetTypedHeaders().IfModifiedSince is { } since && since >= feed.LastModified.AddTicks(-(feed.LastModified.Ticks % TimeSpan.TicksPerSecond));
    }
}
