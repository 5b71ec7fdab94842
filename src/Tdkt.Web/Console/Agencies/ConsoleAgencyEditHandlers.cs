using Microsoft.AspNetCore.Http;
using Tdkt.Agencies;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Agencies;

/// <summary>Cơ quan, the changes (administrators only): the form for one agency and its save, a directory file previewed and saved, a test mail.</summary>
public sealed class ConsoleAgencyEditHandlers(ConsoleGate gate, ConsolePages pages, ConsoleAgencyEditing editing)
{
    /// <summary>A directory file and room for the form around it; its base64 copy in the save form.</summary>
    public const long MaxUpload = ConsoleAgencyEditing.MaxFileBytes + 64 * 1024;
    public const long MaxSave = (ConsoleAgencyEditing.MaxFileBytes * 4 / 3) + 64 * 1024;

    public async Task<IResult> FormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        var id = request.Query["id"].FirstOrDefault();
        return await editing.FormAsync(id, cancellationToken) is { } view
            ? HtmlPages.Html(StatusCodes.Status200OK, pages.AgencyEdit(user, view, null))
            : HtmlPages.Html(StatusCodes.Status404NotFound, pages.Refused(user, $"Không có cơ quan “{id}” trong danh bạ: có thể cơ quan đã được đổi mã hoặc đường dẫn gõ sai. Xem danh bạ ở trang Cơ quan."));
    }

    public async Task<IResult> SaveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        string Field(string name) => form[name].FirstOrDefault() ?? "";
        var agency = new AgencyForm(Field("id"), Field("name"), Field("aliases"), Field("to"), Field("cc"), Field("supervisor"), Field("group") == "true",
            Field("members"), Field("replacedBy"), Field("replacedFrom"));
        var (saved, message, again) = await editing.SaveAsync(agency, Field("version"), user.Email, cancellationToken);
        return saved
            ? gate.Back(user, $"/console/agencies#ag-{agency.Id.Trim()}", message)
            : HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.AgencyEdit(user, again!, new MessageView("warn", message)));
    }

    public async Task<IResult> PreviewImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.Refused(user, "Chưa xem trước: chọn một tệp danh bạ (YAML hoặc CSV)."));
        }
        if (file.Length > ConsoleAgencyEditing.MaxFileBytes)
        {
            return HtmlPages.Html(StatusCodes.Status413PayloadTooLarge, pages.Refused(user, $"Chưa xem trước: tệp “{file.FileName}” lớn hơn {ConsoleAgencyEditing.MaxFileBytes / 1024 / 1024} MB cho phép."));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var preview = await editing.PreviewAsync(buffer.ToArray(), Path.GetFileName(file.FileName), cancellationToken);
        return HtmlPages.Html(preview.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, pages.DirectoryImport(user, preview, null));
    }

    public async Task<IResult> SaveImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (ConsoleGate.Base64(form, "content") is not { } content)
        {
            return HtmlPages.Html(StatusCodes.Status400BadRequest, pages.Refused(user, "Chưa lưu: nội dung danh bạ gửi lên bị hỏng. Xem trước lại rồi lưu."));
        }
        var (saved, message, again) = await editing.ImportAsync(content, Path.GetFileName(form["fileName"].FirstOrDefault() ?? "danh-ba.yaml"), user.Email, cancellationToken);
        return saved
            ? gate.Back(user, "/console/agencies", message)
            : HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.DirectoryImport(user, again!, new MessageView("warn", message)));
    }

    public async Task<IResult> TestMailAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var agency = form["agency"].FirstOrDefault() ?? "";
        var (sent, message) = await editing.TestMailAsync(agency, user.Email, cancellationToken);
        return gate.Back(user, $"/console/agencies#ag-{agency}", message, warn: !sent);
    }
}
