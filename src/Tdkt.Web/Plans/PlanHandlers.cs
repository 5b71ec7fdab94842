using Microsoft.AspNetCore.Http;
using Tdkt.Input;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Web.Http;

namespace Tdkt.Web.Plans;

/// <summary>Admin routes for plans: upload a plan (the format from the content type, the directory from storage), list plans, activate or archive one.</summary>
public sealed class PlanHandlers(PlanImport import, PlanStore plans, PlanLifecycle lifecycle)
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

    /// <summary><c>POST /api/plans/{id}/status?status=active|archived|draft</c>: what <c>tdkt plan activate|archive</c> does, over HTTP.</summary>
    public async Task<IResult> SetStatusAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = request.Query["status"].ToString().Trim().ToLowerInvariant();
        if (wanted is not ("active" or "archived" or "draft"))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Trạng thái không hợp lệ: chưa thay đổi gì.",
                $"Trạng thái “{wanted}” không hợp lệ: dùng status=active (bắt đầu nhắc việc), archived (lưu trữ) hoặc draft (bản nháp).");
        }
        var status = Enum.Parse<PlanStatus>(wanted, ignoreCase: true);
        var outcome = await lifecycle.SetStatusAsync(id, status, cancellationToken);
        return outcome.Result switch
        {
            PlanChangeResult.Done => TypedResults.Ok(new { id, status = wanted, message = outcome.Message }),
            PlanChangeResult.UnknownPlan => ApiProblems.Problem(StatusCodes.Status404NotFound, "Không có kế hoạch này: chưa thay đổi gì.", outcome.Message),
            _ => ApiProblems.Problem(StatusCodes.Status409Conflict, "Chưa thay đổi được trạng thái kế hoạch.", outcome.Message),
        };
    }

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
