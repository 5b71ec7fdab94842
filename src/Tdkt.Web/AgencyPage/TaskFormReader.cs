using Microsoft.AspNetCore.Http;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Web.Http;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// Reads the page's forms. A missing, stale or foreign anti-forgery value (or a cross-site post) does nothing
/// and sends the browser back to the page, which says so.
/// </summary>
public sealed class TaskFormReader(LinkGate gate, LinkTokens tokens, AgencyPages pages)
{
    public const int MaxFormBytes = 8 * 1024;

    /// <summary>A form with files: as many as one assignment takes, each at the most, and room for the fields and part headers.</summary>
    public const long MaxUploadBytes = (Evidence.EvidenceStore.MaxPerAssignment * (Evidence.FileCheck.MaxBytes + 4096)) + MaxFormBytes;

    public async Task<(TaskForm? Form, IResult? Problem)> ReadAsync(HttpRequest request, string token, string task, CancellationToken cancellationToken,
        bool withFiles = false)
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
        var (fields, refused) = await FieldsAsync(request, agency!, token, reference, withFiles, cancellationToken);
        return fields is null ? (null, refused) : (new TaskForm(agency!, reference, fields), null);
    }

    /// <summary>A form of the page about no one task (the bulk confirmation): the agency and the fields, checked as every form is.</summary>
    public async Task<(string? Agency, IFormCollection? Fields, IResult? Problem)> ReadPageFormAsync(HttpRequest request, string token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agency, problem) = await gate.CheckAsync(request, token, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        var (fields, refused) = await FieldsAsync(request, agency!, token, null, withFiles: false, cancellationToken);
        return (agency, fields, refused);
    }

    private async Task<(IFormCollection? Fields, IResult? Problem)> FieldsAsync(HttpRequest request, string agency, string token, TaskRef? reference,
        bool withFiles, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, gate.Page(StatusCodes.Status415UnsupportedMediaType, LinkProblem.BadRequest));
        }
        var limit = withFiles && request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? MaxUploadBytes : MaxFormBytes;
        if (request.ContentLength is not { } length || length > limit)
        {
            return (null, limit == MaxUploadBytes && request.ContentLength > limit
                ? HtmlPages.Html(StatusCodes.Status413PayloadTooLarge, await pages.RenderAsync(agency, token, PageMessage.None, reference, cancellationToken,
                    new MessageView("warn", $"Chưa ghi nhận gì: các tệp gửi cùng lúc lớn hơn tổng {MaxUploadBytes / 1024 / 1024} MB cho phép.")))
                : gate.Page(StatusCodes.Status413PayloadTooLarge, LinkProblem.BadRequest));
        }
        if (limit == MaxUploadBytes && request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // The server's default (30 MB on Kestrel) is below what five files may need.
            size.MaxRequestBodySize = limit;
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
        return crossSite || !tokens.CheckFormProof(token, fields["proof"]) ? (null, BackToPage(token, PageMessage.Stale, null)) : (fields, null);
    }

    /// <summary>Back to the page (303), telling it what to confirm; the anchor scrolls to the task.</summary>
    public static IResult BackToPage(string token, PageMessage message, TaskRef? task)
    {
        var query = $"?m={message.ToString().ToLowerInvariant()}" + (task is { } t ? $"&t={Uri.EscapeDataString(t.ToString())}" : "");
        var anchor = task is { } a ? "#" + a.Anchor : "";
        return HtmlPages.SeeOther($"/{AgencyLinks.PagePath}{token}{query}{anchor}");
    }
}
