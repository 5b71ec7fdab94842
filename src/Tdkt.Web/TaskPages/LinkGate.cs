using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Web.Http;

namespace Tdkt.Web.TaskPages;

/// <summary>
/// Whether a request's link token may be used: the agency it names, or the page that says why not. Bad tokens
/// from one client are counted, and past the free attempts answered late and with 429.
/// </summary>
public sealed class LinkGate(LinkTokens tokens, BadLinkThrottle throttle, AgencyPages pages, ClientAddress clients, LinkRevocations revocations)
{
    public async Task<(string? Agency, IResult? Problem)> CheckAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verification = tokens.Verify(token);
        if (verification.Check == LinkCheck.Valid)
        {
            return verification.Generation < await revocations.RecentGenerationAsync(verification.Agency!, cancellationToken)
                ? (null, Page(StatusCodes.Status410Gone, LinkProblem.Revoked))
                : (verification.Agency, null);
        }
        var client = clients.Of(request);
        if (throttle.IsThrottled(client))
        {
            // Answer late: guessing links from one address gets slow.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            request.HttpContext.Response.Headers.RetryAfter = ((int)BadLinkThrottle.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return (null, Page(StatusCodes.Status429TooManyRequests, LinkProblem.Throttled));
        }
        throttle.RecordFailure(client);
        return verification.Check == LinkCheck.Expired
            ? (null, Page(StatusCodes.Status410Gone, LinkProblem.Expired))
            : (null, Page(StatusCodes.Status403Forbidden, LinkProblem.Forged));
    }

    /// <summary>The page for a link or form that cannot be used.</summary>
    public IResult Page(int status, LinkProblem problem) => HtmlPages.Html(status, pages.Problem(problem));
}
