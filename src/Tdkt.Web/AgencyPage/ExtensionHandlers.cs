using Microsoft.AspNetCore.Http;
using Tdkt.Clock;
using Tdkt.DeadlineExtensions;
using Tdkt.Web.Http;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// Requests for more time through the link pages: the asking agency posts a date and a reason from its own page; its
/// supervising agency approves or declines from its page. A form the rules refuse shows the page again, saying why,
/// with nothing recorded.
/// </summary>
public sealed class ExtensionHandlers(LinkGate gate, TaskFormReader forms, AgencyPages pages, ExtensionService extensions, ClientAddress clients)
{
    public async Task<IResult> RequestAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        if (VietnamTime.ParseDate(form.Fields["to"]) is not { } to)
        {
            return await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                "Chưa gửi đề nghị: chọn ngày đề nghị gia hạn đến (ngày/tháng/năm).", cancellationToken);
        }
        var result = await extensions.RequestAsync(form.Agency, form.Task, to, form.Fields["reason"], form.Fields["name"], clients.Of(request),
            ClientAddress.UserAgent(request), cancellationToken);
        var number = result.Record?.TaskNumber ?? "";
        var due = result.Record is { } r ? VietnamTime.ShortDate(r.Due) : "";
        return result.Outcome switch
        {
            ExtensionOutcome.Requested => TaskFormReader.BackToPage(token, PageMessage.ExtensionAsked, form.Task),
            ExtensionOutcome.AlreadyPending => await NoticeAsync(form, token, StatusCodes.Status409Conflict,
                $"Nhiệm vụ số {number} đã có đề nghị gia hạn đang chờ ý kiến, nên chưa gửi thêm đề nghị mới.", cancellationToken),
            ExtensionOutcome.AlreadyDone => await NoticeAsync(form, token, StatusCodes.Status409Conflict,
                $"Nhiệm vụ số {number} đã được ghi nhận hoàn thành, không cần gia hạn.", cancellationToken),
            ExtensionOutcome.NotLater => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                $"Chưa gửi đề nghị: ngày {VietnamTime.ShortDate(to)} không sau thời hạn hiện tại ({due}).", cancellationToken),
            ExtensionOutcome.TooFar => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                $"Chưa gửi đề nghị: ngày {VietnamTime.ShortDate(to)} cách thời hạn hiện tại ({due}) quá một năm; đề nghị kiểm tra lại năm.", cancellationToken),
            ExtensionOutcome.NoReason => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                "Chưa gửi đề nghị: cần nêu lý do đề nghị gia hạn.", cancellationToken),
            ExtensionOutcome.Ongoing => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                "Nhiệm vụ thực hiện thường xuyên không có thời hạn để gia hạn.", cancellationToken),
            _ => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
        };
    }

    /// <summary>The supervising agency's answer to <paramref name="agency"/>'s request on <paramref name="task"/>.</summary>
    public async Task<IResult> DecideAsync(HttpRequest request, string token, string task, string agency, bool approve, CancellationToken cancellationToken)
    {
        var (form, problem) = await forms.ReadAsync(request, token, task, cancellationToken);
        if (form is null)
        {
            return problem!;
        }
        NodaTime.LocalDate? to = null;
        if (approve && !string.IsNullOrWhiteSpace(form.Fields["to"]))
        {
            if (VietnamTime.ParseDate(form.Fields["to"]) is not { } chosen)
            {
                return await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity, "Chưa ghi nhận: ngày gia hạn không hợp lệ.", cancellationToken);
            }
            to = chosen;
        }
        var result = await extensions.DecideAsync(form.Agency, agency, form.Task, approve, to, form.Fields["reason"], form.Fields["name"],
            clients.Of(request), ClientAddress.UserAgent(request), cancellationToken);
        var due = result.Record is { } r ? VietnamTime.ShortDate(r.Due) : "";
        var asked = to ?? result.Record?.Extension.Request?.Asked;
        var date = asked is { } day ? VietnamTime.ShortDate(day) : "";
        return result.Outcome switch
        {
            ExtensionOutcome.Approved => TaskFormReader.BackToPage(token, PageMessage.ExtensionApproved, null),
            ExtensionOutcome.Declined => TaskFormReader.BackToPage(token, PageMessage.ExtensionDeclined, null),
            ExtensionOutcome.NotPending => await NoticeAsync(form, token, StatusCodes.Status409Conflict,
                "Đề nghị gia hạn này đã được trả lời trước đó (hoặc không còn), nên không ghi nhận thêm.", cancellationToken),
            ExtensionOutcome.AlreadyDone => await NoticeAsync(form, token, StatusCodes.Status409Conflict,
                "Cơ quan đã hoàn thành nhiệm vụ này, không cần gia hạn; có thể trả lời không đồng ý để đóng đề nghị.", cancellationToken),
            ExtensionOutcome.NotLater => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                $"Chưa ghi nhận: ngày {date} không sau thời hạn hiện tại ({due}).", cancellationToken),
            ExtensionOutcome.TooFar => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                $"Chưa ghi nhận: ngày {date} cách thời hạn hiện tại ({due}) quá một năm; đề nghị kiểm tra lại năm.", cancellationToken),
            ExtensionOutcome.NoReason => await NoticeAsync(form, token, StatusCodes.Status422UnprocessableEntity,
                "Chưa ghi nhận: không đồng ý gia hạn thì cần nêu lý do.", cancellationToken),
            _ => gate.Page(StatusCodes.Status403Forbidden, LinkProblem.NotHeld),
        };
    }

    private async Task<IResult> NoticeAsync(TaskForm form, string token, int status, string text, CancellationToken cancellationToken) =>
        HtmlPages.Html(status, await pages.RenderAsync(form.Agency, token, PageMessage.None, form.Task, cancellationToken, new MessageView("warn", text)));
}
