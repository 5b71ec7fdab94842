using Microsoft.AspNetCore.Http;
using Tdkt.Input;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Web.Http;

namespace Tdkt.Web.Plans;

/// <summary>Admin routes for plans: upload a plan (the format from the content type, the directory from storage), list plans.</summary>
public sealed class PlanHandlers(PlanImport import, PlanStore plans)
{
    public static PlanFormat? FormatOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/plain" => PlanFormat.PublishedText,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => PlanFormat.Docx,
        "application/yaml" or "application/x-yaml" or "text/yaml" => PlanFormat.Yaml,
        "application/json" => PlanFormat.Json,
        "text/csv" => PlanFormat.Csv,
        "application/pdf" => PlanFormat.Pdf,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => PlanFormat.Xlsx,
        _ => null,
    };

    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.Query["file"].ToString();
        var file = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName);
        if (FormatOf(request.ContentType) is not { } format)
        {
            return Invalid(StatusCodes.Status415UnsupportedMediaType, [new InputError(file, null, "Content-Type",
                $"Không nhận định dạng “{request.ContentType}”: dùng text/plain, .docx, .xlsx, application/pdf, application/yaml, application/json hoặc text/csv.")]);
        }
        if (await BoundedBody.ReadAsync(request.Body, PlanImporter.MaxBytes, cancellationToken) is not { } content)
        {
            return Invalid(StatusCodes.Status413PayloadTooLarge, [new InputError(file, null, "file", $"Tệp vượt giới hạn {PlanImporter.MaxBytes / 1024 / 1024} MB.")]);
        }
        var importing = new PlanImportRequest(content, file)
        {
            Format = format,
            DryRun = IsTrue(request.Query["dryRun"]),
            ConfirmChanges = IsTrue(request.Query["confirm"]),
            Header = PlanHeaderOverrides.Of(request.Query["number"], request.Query["issuer"], request.Query["issuedOn"]),
        };
        var outcome = await import.RunAsync(importing, null, cancellationToken);
        switch (outcome.Result)
        {
            case PlanImportResult.Invalid or PlanImportResult.NoDirectory:
                return Invalid(StatusCodes.Status400BadRequest, outcome.Errors, outcome.NotRead);
            case PlanImportResult.Busy:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "Kế hoạch đang có một lần nhập khác: chưa lưu gì.", outcome.Message);
            case PlanImportResult.NeedsConfirmation:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "Lần nhập này chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận: chưa lưu gì.",
                    outcome.Message,
                    new Dictionary<string, object?> { ["changes"] = outcome.ChangeViews });
        }
        var plan = outcome.Plan!;
        var body = new
        {
            id = plan.Id.Value,
            number = plan.Number,
            issuer = plan.Issuer,
            issuedOn = NodaTime.Text.LocalDatePattern.Iso.Format(plan.IssuedOn),
            year = plan.Year,
            title = plan.Title,
            tasks = plan.Tasks.Count,
            assignments = plan.Assignments.Count(),
            outcome = outcome.Result == PlanImportResult.Previewed ? "preview" : outcome.Saved.ToString()!.ToLowerInvariant(),
            message = outcome.Message,
            changes = outcome.ChangeViews,
            warnings = outcome.Warnings,
            notRead = outcome.NotRead.Select(u => new { line = u.Line, where = u.Place, text = u.Text, reason = u.Reason }),
            plan = ImportedPlanView.Of(plan),
        };
        return outcome.Saved == PlanSaveOutcome.Created ? TypedResults.Created($"/api/plans/{plan.Id}", body) : TypedResults.Ok(body);
    }

    private static bool IsTrue(string? value) => value is "true" or "1";

    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        TypedResults.Ok((await plans.ListAsync(cancellationToken)).Select(p => new
        {
            id = p.Id.Value, number = p.Number, title = p.Title, year = p.Year, status = p.Status.ToString().ToLowerInvariant(), taskCount = p.TaskCount,
            importIncomplete = p.ImportIncomplete,
        }));

    /// <summary>problem+json listing every input error with its file, line and field.</summary>
    private static IResult Invalid(int status, IReadOnlyList<InputError> errors, IReadOnlyList<UnreadLine>? notRead = null) =>
        ApiProblems.Problem(status, "Kế hoạch không hợp lệ: chưa lưu gì.", $"{errors.Count} lỗi.", new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { file = e.File, line = e.Line, where = e.Where, field = e.Field, message = e.Message }),
            ["notRead"] = (notRead ?? []).Select(u => new { line = u.Line, where = u.Place, text = u.Text, reason = u.Reason }),
        });
}
