using Tdkt.Input;
using Tdkt.Plans.Import;

namespace Tdkt.Plans;

/// <summary>What an import did: the plan as read (when valid), how the store took it, every error, and the message every host shows.</summary>
public sealed record PlanImportOutcome(PlanImportResult Result, Plan? Plan, PlanSaveOutcome? Saved, IReadOnlyList<InputError> Errors)
{
    /// <summary>What the import does (or did) to the stored tasks that have recorded completions, one sentence each.</summary>
    public IReadOnlyList<TaskChange> Changes { get; init; } = [];

    /// <summary>For <see cref="PlanImportResult.Busy"/>: until when the other import holds the plan (Vietnam time, HH:mm:ss).</summary>
    public string? HeldUntil { get; init; }

    /// <summary>False for a preview made without storage: the file was checked, but not compared with the stored plan.</summary>
    public bool ComparedWithStored { get; init; } = true;

    /// <summary>What the administrator should check and nothing stops (an agency given to its successor), one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For <see cref="PlanImportResult.Invalid"/>: the names no directory agency goes by, with their tasks.</summary>
    public IReadOnlyList<UnknownAgency> UnknownAgencies { get; init; } = [];

    /// <summary>Paragraphs and rows naming an agency or a deadline that were not read as tasks, with why ("không đọc thành nhiệm vụ").</summary>
    public IReadOnlyList<Import.UnreadLine> NotRead { get; init; } = [];

    /// <summary><see cref="Changes"/> as the administrator reads them.</summary>
    public IReadOnlyList<string> ChangeLines { get; init; } = [];

    /// <summary><see cref="Changes"/> as the API and <c>tdkt plan import --json</c> write them.</summary>
    public IEnumerable<TaskChangeView> ChangeViews => Changes.Select((c, i) =>
        new TaskChangeView(c.Kind.ToString().ToLowerInvariant(), c.Key, c.OldNumber, c.NewNumber, [.. c.DoneBy.Select(a => a.Value)], c.NeedsConfirming, ChangeLines[i]));

    public string Message => Result switch
    {
        PlanImportResult.Saved => Saved switch
        {
            PlanSaveOutcome.Created => $"Đã lưu kế hoạch mới {Plan!.Id} ({(Plan.Status == PlanStatus.Active ? "đang thực hiện" : "dự thảo; kích hoạt để bắt đầu nhắc việc")}).",
            PlanSaveOutcome.Updated => $"Đã cập nhật kế hoạch {Plan!.Id}; tình trạng hoàn thành đã ghi nhận được giữ nguyên.",
            _ => $"Kế hoạch {Plan!.Id} không thay đổi: không ghi gì.",
        },
        PlanImportResult.Previewed => Changes.Any(c => c.NeedsConfirming)
            ? $"Chạy thử: chưa lưu gì. Khi nhập thật, lần nhập này chuyển hoặc bỏ kết quả hoàn thành của {Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê ở trên) và cần xác nhận."
            : ComparedWithStored ? "Chạy thử: chưa lưu gì." : "Chạy thử: chưa lưu gì. Không truy cập được kho dữ liệu nên chưa so với kế hoạch đã lưu (nhiệm vụ đã hoàn thành bị đổi số hay bỏ đi chưa được liệt kê).",
        PlanImportResult.NeedsConfirmation =>
            $"Chưa lưu gì: lần nhập này chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận của {Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê ở trên). "
            + "Kiểm tra lại; nếu đúng, nhập lại có xác nhận (tdkt: --confirm-changes; API: confirm=true).",
        PlanImportResult.Busy => Saved == PlanSaveOutcome.Superseded
            ? $"Kế hoạch {Plan!.Id} chưa được lưu xong: một lần nhập khác đã tiếp quản trong lúc lần này đang ghi. Kiểm tra kế hoạch rồi nhập lại nếu cần."
            : $"Kế hoạch {Plan!.Id} đang có một lần nhập khác{(HeldUntil is { } until ? $" (giữ chỗ đến {until})" : "")}: chưa lưu gì. Chờ lần nhập đó xong rồi nhập lại.",
        PlanImportResult.NoDirectory => "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import), hoặc gửi kèm danh bạ.",
        _ => $"Kế hoạch không hợp lệ ({Errors.Count} lỗi): chưa lưu gì.",
    };

    public static PlanImportOutcome Rejected(InputError error) => new(PlanImportResult.Invalid, null, null, [error]);
}
