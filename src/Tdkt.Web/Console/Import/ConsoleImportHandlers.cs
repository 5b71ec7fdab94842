using Microsoft.AspNetCore.Http;
using Tdkt.Plans.Import;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Import;

/// <summary>Nhập kế hoạch: the upload form, the preview of an upload or pasted text, and the save (draft or activate). Administrators only.</summary>
public sealed class ConsoleImportHandlers(ConsoleGate gate, ConsolePages pages, ConsoleImportPage import)
{
    /// <summary>An upload: the importer's limit and room for the form around it.</summary>
    public const long MaxUpload = PlanImporter.MaxBytes + 256 * 1024;

    /// <summary>The save form carries the content as base64 (4/3 of it) with the header fields.</summary>
    public const long MaxSave = (PlanImporter.MaxBytes * 4 / 3) + 256 * 1024;

    public IResult Page(HttpRequest request) => HtmlPages.Html(StatusCodes.Status200OK, pages.Import(ConsoleCaller.Of(request).User, null));

    public async Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        byte[] content;
        string fileName;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            if (file.Length > PlanImporter.MaxBytes)
            {
                return HtmlPages.Html(StatusCodes.Status413PayloadTooLarge, pages.Refused(user, $"Chưa xem trước: tệp “{file.FileName}” lớn hơn {PlanImporter.MaxBytes / 1024 / 1024} MB cho phép."));
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            fileName = Path.GetFileName(file.FileName);
        }
        else if (form["text"].FirstOrDefault() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
        {
            content = System.Text.Encoding.UTF8.GetBytes(text);
            fileName = ConsoleImportPage.PastedFileName;
        }
        else
        {
            return HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.Refused(user, "Chưa xem trước: chọn một tệp kế hoạch hoặc dán nội dung kế hoạch."));
        }
        var preview = await import.PreviewAsync(content, fileName, Header(form), cancellationToken);
        return HtmlPages.Html(preview.CanSave ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, pages.Import(user, preview));
    }

    public async Task<IResult> SaveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (ConsoleGate.Base64(form, "content") is not { } content)
        {
            return Broken(user, "Chưa lưu");
        }
        var (saved, message, again) = await import.SaveAsync(content, FileName(form), Header(form), form["action"] == "activate", form["confirm"] == "true", user.Email,
            cancellationToken);
        return saved
            ? gate.Back(user, "/console", message)
            : HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.Import(user, again));
    }

    /// <summary>
    /// The preview's fixes: the header fields typed in (number, issuer, date of issue) and, for each unknown agency name, what was
    /// chosen (<c>do-i</c>: alias, new or skip); then the preview again.
    /// </summary>
    public async Task<IResult> FixAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (ConsoleGate.Base64(form, "content") is not { } content)
        {
            return Broken(user, "Chưa sửa");
        }
        var count = int.TryParse(form["count"].FirstOrDefault(), out var n) ? Math.Clamp(n, 0, ConsoleImportPage.MaxFixesShown) : 0;
        var fixes = Enumerable.Range(0, count).Select(i => new AgencyFix(form[$"written-{i}"].FirstOrDefault() ?? "", form[$"do-{i}"].FirstOrDefault() ?? "",
            form[$"agency-{i}"].FirstOrDefault(), form[$"newId-{i}"].FirstOrDefault(), form[$"newTo-{i}"].FirstOrDefault(), form[$"newSupervisor-{i}"].FirstOrDefault()))
            .Where(f => f.Written.Length > 0).ToList();
        var preview = await import.FixAsync(content, FileName(form), Header(form), fixes, user.Email, cancellationToken);
        return HtmlPages.Html(preview.CanSave ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, pages.Import(user, preview));
    }

    private IResult Broken(ConsoleUser user, string what) =>
        HtmlPages.Html(StatusCodes.Status400BadRequest, pages.Refused(user, $"{what}: nội dung kế hoạch gửi lên bị hỏng. Xem trước lại."));

    private static string FileName(IFormCollection form) => Path.GetFileName(form["fileName"].FirstOrDefault() ?? ConsoleImportPage.PastedFileName);

    private static PlanReference? Header(IFormCollection form) =>
        PlanHeaderOverrides.Of(Blank(form["number"]), Blank(form["issuer"]), Blank(form["issuedOn"]));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
