using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tdkt.Links;
using Tdkt.Web.Http;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// Whether a request's link token may be used: the agency it names, or the page that says why not. Bad tokens
/// from one client are counted, and past the free attempts answered late and with 429.
/// </summary>
public sealed class LinkGate(LinkTokens tokens, BadLinkThrottle throttle, AgencyPages pages, ClientAddress clients, LinkRevocations revocations)
{
    /// <summary>The agency a page link (or, with <paramref name="feed"/>, a calendar-feed address) names, or the answer that refuses it.</summary>
    public async Task<(string? Agency, IResult? Problem)> CheckAsync(HttpRequest request, string token, CancellationToken cancellationToken, bool feed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verification = feed ? tokens.VerifyFeed(token) : tokens.Verify(token);
        if (verification.Check == LinkCheck.Valid)
        {
            if (verification.Generation < await revocations.RecentGenerationAsync(verification.Agency!, cancellationToken))
            {
                return (null, Refused(StatusCodes.Status410Gone, LinkProblem.Revoked));
            }
            System.Diagnostics.Activity.Current?.SetTag(Tdkt.Diagnostics.Telemetry.Tags.Agency, verification.Agency);
            return (verification.Agency, null);
        }
        return (null, await RefuseAsync(request, verification.Check, cancellationToken));
    }

    /// <summary>
    /// The answer to a token that is not valid (forged or expired), counted against the client: past the free attempts,
    /// late and with 429. Also for download tokens, whose expiry means another problem page.
    /// </summary>
    public async Task<IResult> RefuseAsync(HttpRequest request, LinkCheck check, CancellationToken cancellationToken, LinkProblem expired = LinkProblem.Expired)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = clients.Of(request);
        if (throttle.IsThrottled(client))
        {
            // Answer late: guessing links from one address gets slow.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            request.HttpContext.Response.Headers.RetryAfter = ((int)BadLinkThrottle.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Refused(StatusCodes.Status429TooManyRequests, LinkProblem.Throttled);
        }
        throttle.RecordFailure(client);
        return check == LinkCheck.Expired
            ? Refused(StatusCodes.Status410Gone, expired)
            : Refused(StatusCodes.Status403Forbidden, LinkProblem.Forged);
    }

    private IResult Refused(int status, LinkProblem problem)
    {
        Tdkt.Diagnostics.Telemetry.BadLinks.Add(1, new KeyValuePair<string, object?>(Tdkt.Diagnostics.Telemetry.Tags.Reason, problem.ToString().ToLowerInvariant()));
        return Page(status, problem);
    }

    /// <summary>The page for a link or form that cannot be used.</summary>
    public IResult Page(int status, LinkProblem problem) => HtmlPages.Html(status, pages.Problem(problem));
}
