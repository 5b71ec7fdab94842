using Tdkt.Agencies;
using Tdkt.Input;
using Tdkt.Plans.Import;

namespace Tdkt.Plans;

public sealed record PlanUploadResult(Plan? Plan, PlanSaveOutcome? Outcome, IReadOnlyList<InputError> Errors, bool TooLarge = false, bool UnsupportedType = false);

/// <summary>An administrator's plan upload over HTTP: the format comes from the content type, the directory from storage.</summary>
public sealed class PlanUpload(PlanStore plans, AgencyStore agencies)
{
    public static PlanFormat? FormatOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/plain" => PlanFormat.PublishedText,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => PlanFormat.Docx,
        "application/yaml" or "application/x-yaml" or "text/yaml" => PlanFormat.Yaml,
        "application/json" => PlanFormat.Json,
        "text/csv" => PlanFormat.Csv,
        _ => null,
    };

    public async Task<PlanUploadResult> ImportAsync(Stream body, string? contentType, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var file = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName);
        if (FormatOf(contentType) is not { } format)
        {
            return new PlanUploadResult(null, null, [new InputError(file, null, "Content-Type",
                $"Không nhận định dạng “{contentType}”: dùng text/plain, .docx, application/yaml, application/json hoặc text/csv.")], UnsupportedType: true);
        }
        var content = await ReadLimitedAsync(body, cancellationToken);
        if (content is null)
        {
            return new PlanUploadResult(null, null, [new InputError(file, null, "file",
                $"Tệp vượt giới hạn {PlanImporter.MaxBytes / 1024 / 1024} MB.")], TooLarge: true);
        }
        var directory = await agencies.LoadAsync(cancellationToken);
        if (directory.Agencies.Count == 0)
        {
            return new PlanUploadResult(null, null, [new InputError(file, null, "agencies",
                "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import).")]);
        }
        var result = PlanImporter.Import(content, file, directory, format);
        if (!result.IsValid)
        {
            return new PlanUploadResult(null, null, result.Errors);
        }
        var outcome = await plans.SaveAsync(result.Plan!, cancellationToken);
        return new PlanUploadResult(result.Plan, outcome, []);
    }

    /// <summary>Reads at most the size limit; null when the body is larger, without buffering the rest.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > PlanImporter.MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
