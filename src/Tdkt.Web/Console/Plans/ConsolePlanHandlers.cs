using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Plans;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Plans;

/// <summary>
/// Kế hoạch: the plan page and its changes (a completion reported by letter, a reopening, through <see cref="AdminCompletion"/>;
/// activate, archive, roll forward, set the number, through <see cref="ConsolePlanActions"/>), and the plan's report for
/// anyone signed in (viewers report upward too).
/// </summary>
public sealed class ConsolePlanHandlers(ConsoleGate gate, ConsolePages pages, ConsolePlanPage plans, AdminCompletion completion, ConsolePlanActions actions,
    Reports.ReportHandler reports, DeadlineExtensions.AdminExtensions extensions, UndatedTasks undated)
{
    public async Task<IResult> PageAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        var query = request.Query;
        var filter = new PlanFilter(Blank(query["agency"]), int.TryParse(query["quarter"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 ? q : null,
            Blank(query["status"]), Blank(query["q"]));
        if (await plans.BuildAsync(id, filter, cancellationToken) is not { } view)
        {
            return HtmlPages.Html(StatusCodes.Status404NotFound, pages.Refused(user, $"Không có kế hoạch {id}."));
        }
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Plan(user, view, gate.NoticeFrom(request, user)));
    }

    /// <summary>Records a completion an agency reported by letter: the date of the letter, who reported, a note; audited with the signed-in person.</summary>
    public async Task<IResult> CompleteAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var onText = form["on"].FirstOrDefault();
        var on = VietnamTime.ParseDate(onText);
        if (!string.IsNullOrWhiteSpace(onText) && on is null)
        {
            return Back(user, id, form, $"Chưa ghi nhận: ngày hoàn thành “{onText}” không đúng dạng (ví dụ 2023-03-20).", warn: true);
        }
        var reporter = form["by"].FirstOrDefault()?.Trim();
        var note = string.Join(". ", new[] { reporter is { Length: > 0 } ? "Người báo cáo: " + reporter : null, form["note"].FirstOrDefault()?.Trim() }
            .Where(t => !string.IsNullOrEmpty(t)));
        var outcome = await completion.CompleteAsync(new AdminCompleteRequest(id, form["task"].FirstOrDefault() ?? "", form["agency"].FirstOrDefault() ?? "",
            on, user.Email, note.Length > 0 ? note : null), cancellationToken);
        return Back(user, id, form, outcome.Message, warn: outcome.Result != AdminCompleteResult.Recorded);
    }

    /// <summary>Extends an assignment (approving the agency's request, or without one) or declines the pending request, as <c>tdkt task extend</c> does.</summary>
    public async Task<IResult> ExtendAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var decline = form["decision"].FirstOrDefault() == "decline";
        var toText = form["to"].FirstOrDefault();
        var to = VietnamTime.ParseDate(toText);
        if (!decline && to is null)
        {
            return Back(user, id, form, string.IsNullOrWhiteSpace(toText)
                ? "Chưa gia hạn: chọn ngày gia hạn."
                : $"Chưa gia hạn: ngày “{toText}” không đúng dạng (ví dụ 2023-04-14).", warn: true);
        }
        var outcome = await extensions.ExtendAsync(new DeadlineExtensions.AdminExtendRequest(id, form["task"].FirstOrDefault() ?? "", form["agency"].FirstOrDefault() ?? "",
            to, decline, form["reason"].FirstOrDefault(), user.Email), cancellationToken);
        return Back(user, id, form, outcome.Message, warn: !outcome.Ok);
    }

    /// <summary>Gives a task the plan left without a date its day, for all its agencies, as <c>tdkt task set-due</c> does.</summary>
    public async Task<IResult> SetDueAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var dueText = form["due"].FirstOrDefault();
        if (VietnamTime.ParseDate(dueText) is not { } due)
        {
            return Back(user, id, form, string.IsNullOrWhiteSpace(dueText)
                ? "Chưa gán hạn: chọn ngày."
                : $"Chưa gán hạn: ngày “{dueText}” không đúng dạng (ví dụ 30/06/2026).", warn: true);
        }
        var outcome = await undated.SetDueAsync(id, form["task"].FirstOrDefault() ?? "", due, user.Email, cancellationToken);
        return Back(user, id, form, outcome.Message, warn: !outcome.Ok);
    }

    public async Task<IResult> ReopenAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var outcome = await completion.ReopenAsync(new AdminReopenRequest(id, form["task"].FirstOrDefault() ?? "", form["agency"].FirstOrDefault(),
            form["reason"].FirstOrDefault() ?? "", user.Email), cancellationToken);
        return Back(user, id, form, outcome.Message, warn: outcome.Result != AdminReopenResult.Reopened);
    }

    /// <summary>The plan's report as the API gives it (HTML, CSV, or the .docx sent upward for a period), for a console session instead of the admin key.</summary>
    public async Task<IResult> ReportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        return await reports.ReportAsync(request, id, cancellationToken);
    }

    public async Task<IResult> SetStatusAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var outcome = await actions.SetStatusAsync(id, form["status"].FirstOrDefault() ?? "", user.Email, cancellationToken);
        return gate.Back(user, PagePath(id), outcome.Message, warn: outcome.Result != PlanChangeResult.Done);
    }

    /// <summary>Next year's draft, shown at once with what to review (the roll-forward's list); an unknown plan or a bad year goes back with why.</summary>
    public async Task<IResult> RollForwardAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var outcome = await actions.RollForwardAsync(id, form["year"].FirstOrDefault() ?? "", user.Email, cancellationToken);
        if (outcome.Draft is not { } draft || await plans.BuildAsync(draft.Id.Value, PlanFilter.None, cancellationToken) is not { } view)
        {
            return gate.Back(user, PagePath(id), outcome.Message, warn: true);
        }
        var review = outcome.Changes.Select(c => $"{(c.Task.Length > 0 ? "Nhiệm vụ " + c.Task : "Kế hoạch")} · {c.Field}: {c.Before} → {c.After}").ToList();
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Plan(user, view with { Review = review }, new MessageView("ok", outcome.Message)));
    }

    public async Task<IResult> SetNumberAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var outcome = await actions.SetNumberAsync(id, form["number"].FirstOrDefault() ?? "", form["issuedOn"].FirstOrDefault() ?? "", user.Email, cancellationToken);
        return gate.Back(user, PagePath(outcome.Draft?.Id.Value ?? id), outcome.Message, warn: outcome.Result != PlanChangeResult.Done);
    }

    private static string PagePath(string id) => $"/console/plans/{Uri.EscapeDataString(id)}";

    /// <summary>Back to the plan page, filtered to the agency, with what happened (post/redirect/get).</summary>
    private IResult Back(ConsoleUser user, string id, IFormCollection form, string message, bool warn) =>
        gate.Back(user, $"/console/plans/{Uri.EscapeDataString(id)}?agency={Uri.EscapeDataString(form["agency"].FirstOrDefault() ?? "")}", message, warn);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
