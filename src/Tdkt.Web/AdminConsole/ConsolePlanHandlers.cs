using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tdkt.Administration;
using Tdkt.Completion;
using Tdkt.Hosting;
using Tdkt.Web.Http;

namespace Tdkt.Web.AdminConsole;

/// <summary>Kế hoạch: the plan page and its changes (a completion reported by letter, a reopening), through <see cref="AdminCompletion"/>.</summary>
public sealed class ConsolePlanHandlers(ConsoleGate gate, ConsolePages pages, ConsolePlanPage plans, AdminCompletion completion)
{
    public async Task<IResult> PageAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (user, refusal) = await gate.PageAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var query = request.Query;
        var filter = new PlanFilter(Blank(query["agency"]), int.TryParse(query["quarter"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 ? q : null,
            Blank(query["status"]), Blank(query["q"]));
        if (await plans.BuildAsync(id, filter, cancellationToken) is not { } view)
        {
            return HtmlPages.Html(StatusCodes.Status404NotFound, pages.Refused(user!, $"Không có kế hoạch {id}."));
        }
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Plan(user!, view, gate.NoticeFrom(request, user!)));
    }

    /// <summary>Records a completion an agency reported by letter: the date of the letter, who reported, a note; audited with the signed-in person.</summary>
    public async Task<IResult> CompleteAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form, refusal) = await gate.ChangeAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var onText = form!["on"].FirstOrDefault();
        var on = VietnamTime.ParseDate(onText);
        if (!string.IsNullOrWhiteSpace(onText) && on is null)
        {
            return Back(user!, id, form, $"Chưa ghi nhận: ngày hoàn thành “{onText}” không đúng dạng (ví dụ 2023-03-20).", warn: true);
        }
        var reporter = form["by"].FirstOrDefault()?.Trim();
        var note = string.Join(". ", new[] { reporter is { Length: > 0 } ? "Người báo cáo: " + reporter : null, form["note"].FirstOrDefault()?.Trim() }
            .Where(t => !string.IsNullOrEmpty(t)));
        var outcome = await completion.CompleteAsync(new AdminCompleteRequest(id, form["task"].FirstOrDefault() ?? "", form["agency"].FirstOrDefault() ?? "",
            on, user!.Email, note.Length > 0 ? note : null), cancellationToken);
        return Back(user, id, form, outcome.Message, warn: outcome.Result != AdminCompleteResult.Recorded);
    }

    public async Task<IResult> ReopenAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (user, form, refusal) = await gate.ChangeAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var outcome = await completion.ReopenAsync(new AdminReopenRequest(id, form!["task"].FirstOrDefault() ?? "", form["agency"].FirstOrDefault(),
            form["reason"].FirstOrDefault() ?? "", user!.Email), cancellationToken);
        return Back(user!, id, form, outcome.Message, warn: outcome.Result != AdminReopenResult.Reopened);
    }

    /// <summary>Back to the plan page, filtered to the agency, with what happened (post/redirect/get).</summary>
    private IResult Back(ConsoleUser user, string id, IFormCollection form, string message, bool warn) =>
        gate.Back(user, $"/console/plans/{Uri.EscapeDataString(id)}?agency={Uri.EscapeDataString(form["agency"].FirstOrDefault() ?? "")}", message, warn);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
