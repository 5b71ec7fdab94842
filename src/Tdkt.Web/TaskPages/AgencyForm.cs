using Microsoft.AspNetCore.Http;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Web.Http;

namespace Tdkt.Web.TaskPages;

/// <summary>A posted form of the agency page, checked: its link, its task, its size and type, and its anti-forgery value.</summary>
public sealed record AgencyForm(string Agency, TaskRef Task, IFormCollection Fields);

/// <summary>
/// Reads the page's forms. A missing, stale or foreign anti-forgery value (or a cross-site post) does nothing
/// and sends the browser back to the page, which says so.
/// </summary>
public sealed class AgencyFormReader(LinkGate gate, LinkTokens tokens)
{
    public const int MaxFormBytes = 8 * 1024;

    public async Task<(AgencyForm? Form, IResult? Problem)> ReadAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agency, problem) = await gate.CheckAsync(request, token, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        if (TaskRef.Parse(task) is not { } reference)
        {
            return (null, gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld));
        }
        if (!request.HasFormContentType)
        {
            return (null, gate.Page(StatusCodes.Status415UnsupportedMediaType, LinkProblem.BadRequest));
        }
        if (request.ContentLength is null or > MaxFormBytes)
        {
            return (null, gate.Page(StatusCodes.Status413PayloadTooLarge, LinkProblem.BadRequest));
        }
        IFormCollection fields;
        try
        {
            fields = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, gate.Page(StatusCodes.Status400BadRequest, LinkProblem.BadRequest));
        }
        var crossSite = request.Headers["Sec-Fetch-Site"].ToString() == "cross-site";
        return crossSite || !tokens.CheckFormProof(token, fields["proof"])
            ? (null, BackToPage(token, PageMessage.Stale, null))
            : (new AgencyForm(agency!, reference, fields), null);
    }

    /// <summary>Back to the page (303), telling it what to confirm; the anchor scrolls to the task.</summary>
    public static IResult BackToPage(string token, PageMessage message, TaskRef? task)
    {
        var query = $"?m={message.ToString().ToLowerInvariant()}" + (task is { } t ? $"&t={Uri.EscapeDataString(t.ToString())}" : "");
        var anchor = task is { } a ? "#" + a.Anchor : "";
        return HtmlPages.SeeOther($"/{AgencyLinks.PagePath}{token}{query}{anchor}");
    }
}
