using Microsoft.AspNetCore.Http;
using Tdkt.Completion;
using Tdkt.Web.Http;

namespace Tdkt.Web.TaskPages;

/// <summary>
/// The agency's page behind its signed link (anonymous: the token is the credential). GET and HEAD only read;
/// completion and undo are POSTs from the page's forms, checked against a value bound to the token.
/// </summary>
public sealed class AgencyPageHandlers(LinkGate gate, AgencyFormReader forms, AgencyPages pages, CompletionService completion, ClientAddress clients)
{
    public async Task<IResult> PageAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agency, problem) = await gate.CheckAsync(request, token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var message = Enum.TryParse<PageMessage>(request.Query["m"], ignoreCase: true, out var m) ? m : PageMessage.None;
        var html = await pages.RenderAsync(agency!, token, message, TaskRef.Parse(request.Query["t"]), cancellationToken);
        return HtmlPages.Html(StatusCodes.Status200OK, html);
    }

    public async Task<IResult> CompleteAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        var input = new CompletionInput(form.Fields["name"], form.Fields["note"], CompletionVia.Link, clients.Of(request), ClientAddress.UserAgent(request));
        var (outcome, _) = await completion.CompleteAsync(form.Agency, form.Task, input, cancellationToken);
        return outcome switch
        {
            CompleteOutcome.Recorded => AgencyFormReader.BackToPage(token, PageMessage.Done, form.Task),
            CompleteOutcome.AlreadyDone => AgencyFormReader.BackToPage(token, PageMessage.Again, form.Task),
            // Through the link the date is always today: too early means the plan's year is still far off.
            CompleteOutcome.DateBeforePlan or CompleteOutcome.DateInFuture => AgencyFormReader.BackToPage(token, PageMessage.NotYet, form.Task),
            CompleteOutcome.NotHeld => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
            _ => throw new InvalidOperationException($"Completion outcome {outcome} has no answer on the agency page."),
        };
    }

    public async Task<IResult> UndoAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        var (outcome, _) = await completion.UndoAsync(form.Agency, form.Task, clients.Of(request), ClientAddress.UserAgent(request), cancellationToken);
        return outcome switch
        {
            UndoOutcome.Undone => AgencyFormReader.BackToPage(token, PageMessage.Undone, form.Task),
            UndoOutcome.TooLate => AgencyFormReader.BackToPage(token, PageMessage.TooLate, form.Task),
            UndoOutcome.TooOften => AgencyFormReader.BackToPage(token, PageMessage.TooOften, form.Task),
            UndoOutcome.NotDone => AgencyFormReader.BackToPage(token, PageMessage.NotDone, form.Task),
            _ => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
        };
    }
}
