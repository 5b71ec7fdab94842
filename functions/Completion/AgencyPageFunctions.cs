using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Storage;

namespace Tdkt.Functions.Completion;

/// <summary>
/// The agency's page behind its signed link (anonymous: the token is the credential). GET and HEAD only read;
/// completion and undo are POSTs from the page's forms, checked against a value bound to the token.
/// </summary>
public sealed partial class AgencyPageFunctions(LinkTokens tokens, AgencyPages pages, CompletionService completion, BadLinkThrottle throttle,
    ILogger<AgencyPageFunctions> logger)
{
    private const int MaxFormBytes = 8 * 1024;

    [Function("AgencyPage")]
    public Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "a/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync(request, async () =>
        {
            var (agency, problem) = await CheckAsync(request, token, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var message = Enum.TryParse<PageMessage>(request.Query["m"], ignoreCase: true, out var m) ? m : PageMessage.None;
            var html = await pages.RenderAsync(agency!, token, message, TaskRef.Parse(request.Query["t"]), cancellationToken);
            return PageResults.Html(request, StatusCodes.Status200OK, html);
        }, cancellationToken);

    [Function("CompleteTask")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "a/{token}/tasks/{task}/complete")] HttpRequest request,
        string token,
        string task,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync(request, async () =>
        {
            var (agency, reference, form, problem) = await ReadFormAsync(request, token, task, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var (ip, userAgent) = Client(request);
            var input = new CompletionInput(form!["name"], form["note"], CompletionVia.Link, ip, userAgent);
            var (outcome, _) = await completion.CompleteAsync(agency!, reference!.Value, input, cancellationToken);
            return outcome switch
            {
                CompleteOutcome.Recorded => BackTo(token, PageMessage.Done, reference),
                CompleteOutcome.AlreadyDone => BackTo(token, PageMessage.Again, reference),
                _ => PageResults.Html(request, StatusCodes.Status403Forbidden, pages.Problem(LinkProblem.NotHeld)),
            };
        }, cancellationToken);

    [Function("UndoCompletion")]
    public Task<IActionResult> Undo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "a/{token}/tasks/{task}/undo")] HttpRequest request,
        string token,
        string task,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync(request, async () =>
        {
            var (agency, reference, _, problem) = await ReadFormAsync(request, token, task, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var (ip, userAgent) = Client(request);
            var (outcome, _) = await completion.UndoAsync(agency!, reference!.Value, ip, userAgent, cancellationToken);
            return outcome switch
            {
                UndoOutcome.Undone => BackTo(token, PageMessage.Undone, reference),
                UndoOutcome.TooLate => BackTo(token, PageMessage.TooLate, reference),
                UndoOutcome.NotDone => BackTo(token, PageMessage.NotDone, reference),
                _ => PageResults.Html(request, StatusCodes.Status403Forbidden, pages.Problem(LinkProblem.NotHeld)),
            };
        }, cancellationToken);

    /// <summary>
    /// Runs a handler; if storage cannot be reached, answers 503 with a page that says to try again in a few minutes
    /// (and that confirming again records nothing twice) instead of an empty error.
    /// </summary>
    private async Task<IActionResult> UnlessStorageIsDownAsync(HttpRequest request, Func<Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        try
        {
            return await handle();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && StorageFailure.IsTransient(ex))
        {
            LogStorageDown(request.Path, ex.Message.Split('\n')[0]);
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return PageResults.Html(request, StatusCodes.Status503ServiceUnavailable, pages.Problem(LinkProblem.Unavailable));
        }
    }

    /// <summary>The agency named by a valid token, or the page that says why the link cannot be used.</summary>
    private async Task<(string? Agency, IActionResult? Problem)> CheckAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var verification = tokens.Verify(token);
        if (verification.Check == LinkCheck.Valid)
        {
            return (verification.Agency, null);
        }
        var client = PageResults.ClientIp(request);
        if (throttle.IsThrottled(client))
        {
            // Answer late: guessing links from one address gets slow.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            request.HttpContext.Response.Headers.RetryAfter = ((int)BadLinkThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, PageResults.Html(request, StatusCodes.Status429TooManyRequests, pages.Problem(LinkProblem.Throttled)));
        }
        throttle.RecordFailure(client);
        return verification.Check == LinkCheck.Expired
            ? (null, PageResults.Html(request, StatusCodes.Status410Gone, pages.Problem(LinkProblem.Expired)))
            : (null, PageResults.Html(request, StatusCodes.Status403Forbidden, pages.Problem(LinkProblem.Forged)));
    }

    /// <summary>
    /// Checks link, task and form. A missing, stale or foreign anti-forgery value (or a cross-site post) does
    /// nothing and sends the browser back to the page, which says so.
    /// </summary>
    private async Task<(string? Agency, TaskRef? Task, IFormCollection? Form, IActionResult? Problem)> ReadFormAsync(
        HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (agency, problem) = await CheckAsync(request, token, cancellationToken);
        if (problem is not null)
        {
            return (null, null, null, problem);
        }
        if (TaskRef.Parse(task) is not { } reference)
        {
            return (null, null, null, PageResults.Html(request, StatusCodes.Status403Forbidden, pages.Problem(LinkProblem.NotHeld)));
        }
        if (!request.HasFormContentType)
        {
            return (null, null, null, PageResults.Html(request, StatusCodes.Status415UnsupportedMediaType, pages.Problem(LinkProblem.BadRequest)));
        }
        if (request.ContentLength is null or > MaxFormBytes)
        {
            return (null, null, null, PageResults.Html(request, StatusCodes.Status413PayloadTooLarge, pages.Problem(LinkProblem.BadRequest)));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, null, null, PageResults.Html(request, StatusCodes.Status400BadRequest, pages.Problem(LinkProblem.BadRequest)));
        }
        var crossSite = request.Headers["Sec-Fetch-Site"].ToString() == "cross-site";
        return crossSite || !tokens.CheckFormProof(token, form["proof"])
            ? (null, null, null, BackTo(token, PageMessage.Stale, null))
            : (agency, reference, form, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agency page {Path}: storage unavailable, answered 503: {Error}")]
    private partial void LogStorageDown(string path, string error);

    private static RedirectTarget BackTo(string token, PageMessage message, TaskRef? task) => new(token, message, task);

    /// <summary>Where a form came from, as the audit keeps it: address and user agent (at most 512 characters).</summary>
    private static (string Ip, string? UserAgent) Client(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return (PageResults.ClientIp(request), string.IsNullOrEmpty(agent) ? null : agent.Length > 512 ? agent[..512] : agent);
    }

    /// <summary>Back to the page (303), telling it what to confirm; the anchor scrolls to the task.</summary>
    private sealed class RedirectTarget(string token, PageMessage message, TaskRef? task) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var query = $"?m={message.ToString().ToLowerInvariant()}" + (task is { } t ? $"&t={Uri.EscapeDataString(t.ToString())}" : "");
            var anchor = task is { } a ? "#" + a.Anchor : "";
            return PageResults.SeeOther($"/{AgencyLinks.PagePath}{token}{query}{anchor}").ExecuteResultAsync(context);
        }
    }
}
