using Tdkt.Agencies;
using Tdkt.Hosting;
using Tdkt.Input;
using Tdkt.Plans.Import;

namespace Tdkt.Plans;

/// <summary>A plan file to import: its bytes and name (the name gives the format unless <see cref="Format"/> does).</summary>
public sealed record PlanImportRequest(ReadOnlyMemory<byte> Content, string FileName)
{
    public PlanFormat? Format { get; init; }

    /// <summary>A directory given with the plan (saved with it when the plan is saved); null: the stored directory.</summary>
    public AgencyDirectory? Directory { get; init; }

    /// <summary>Check and preview only: nothing is stored.</summary>
    public bool DryRun { get; init; }
}

public enum PlanImportResult
{
    Saved,

    /// <summary>Valid, and not stored: a preview (dry run).</summary>
    Previewed,
    Invalid,

    /// <summary>No directory given and none stored: nothing can be resolved.</summary>
    NoDirectory,
}

/// <summary>What an import did: the plan as read (when valid), how the store took it, every error, and the message every host shows.</summary>
public sealed record PlanImportOutcome(PlanImportResult Result, Plan? Plan, PlanSaveOutcome? Saved, IReadOnlyList<InputError> Errors)
{
    public string Message => Result switch
    {
        PlanImportResult.Saved => Saved switch
        {
            PlanSaveOutcome.Created => $"Đã lưu kế hoạch mới {Plan!.Id} ({(Plan.Status == PlanStatus.Active ? "đang thực hiện" : "dự thảo; kích hoạt để bắt đầu nhắc việc")}).",
            PlanSaveOutcome.Updated => $"Đã cập nhật kế hoạch {Plan!.Id}; tình trạng hoàn thành đã ghi nhận được giữ nguyên.",
            _ => $"Kế hoạch {Plan!.Id} không thay đổi: không ghi gì.",
        },
        PlanImportResult.Previewed => "Chạy thử: chưa lưu gì.",
        PlanImportResult.NoDirectory => "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import), hoặc gửi kèm danh bạ.",
        _ => $"Kế hoạch không hợp lệ ({Errors.Count} lỗi): chưa lưu gì.",
    };

    public static PlanImportOutcome Rejected(InputError error) => new(PlanImportResult.Invalid, null, null, [error]);
}

/// <summary>
/// The use case behind <c>tdkt plan import|preview</c>, <c>POST /api/plans</c> and <c>tdkt up</c>'s sample: read and
/// validate the whole file against the directory, then store all of it or nothing.
/// </summary>
public sealed class PlanImport(PlanStore plans, AgencyStore agencies)
{
    public async Task<PlanImportOutcome> RunAsync(PlanImportRequest request, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = request.Directory ?? await agencies.LoadAsync(cancellationToken);
        if (directory.Agencies.Count == 0)
        {
            return new PlanImportOutcome(PlanImportResult.NoDirectory, null, null,
                [new InputError(Path.GetFileName(request.FileName), null, "agencies", "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import).")]);
        }
        var built = PlanImporter.Import(request.Content, request.FileName, directory, request.Format);
        if (!built.IsValid)
        {
            return new PlanImportOutcome(PlanImportResult.Invalid, null, null, built.Errors);
        }
        if (request.DryRun)
        {
            return new PlanImportOutcome(PlanImportResult.Previewed, built.Plan, null, []);
        }
        if (request.Directory is not null)
        {
            await agencies.SaveAsync(request.Directory, cancellationToken);
        }
        var saved = await plans.SaveAsync(built.Plan!, progress, cancellationToken);
        // A plan already stored keeps its status; a new one takes the file's.
        var stored = await plans.GetSummaryAsync(built.Plan!.Id, cancellationToken);
        return new PlanImportOutcome(PlanImportResult.Saved, built.Plan with { Status = stored?.Status ?? built.Plan.Status }, saved, []);
    }
}
