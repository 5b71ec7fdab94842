using Tdkt.Clock;
using Tdkt.Completion;

namespace Tdkt.DeadlineExtensions;

public sealed class AdminExtensions(AdminCompletion tasks, ExtensionService extensions)
{
    public async Task<AdminExtendOutcome> ExtendAsync(AdminExtendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Decline && request.To is null)
        {
            return new(false, true, "Thiếu ngày gia hạn (--to yyyy-MM-dd): chưa thay đổi gì.");
        }
        var (plan, task, missing) = await tasks.FindAsync(request.Plan, request.Task, cancellationToken);
        if (missing is not null)
        {
            return new(false, true, missing.Message);
        }
        var agency = request.Agency.Trim();
        var name = await tasks.NameOfAsync(agency, cancellationToken);
        var by = string.IsNullOrWhiteSpace(request.By) ? AdminCompletion.DefaultBy : request.By;
        var result = await extensions.DecideAsAdminAsync(agency, new TaskRef(plan!.Id, task!.Key), !request.Decline, request.To, request.Reason, by, cancellationToken);
        var number = task.Number;
        var current = result.Record?.Due is { } due ? VietnamTime.ShortDate(due) : "";
        var outcome = result.Outcome switch
        {
            ExtensionOutcome.Approved => new AdminExtendOutcome(true, false,
                $"Đã gia hạn nhiệm vụ số {number} của {name} từ {current} đến {VietnamTime.ShortDate(result.Due!.Value)}; nhắc việc và báo cáo tính theo hạn mới."),
            ExtensionOutcome.Declined => new AdminExtendOutcome(true, false,
                $"Đã không chấp thuận đề nghị gia hạn nhiệm vụ số {number} của {name}; hạn vẫn là {current}."),
            ExtensionOutcome.NotPending => new AdminExtendOutcome(false, false,
                $"{name} không có đề nghị gia hạn nhiệm vụ số {number} đang chờ ý kiến: không thay đổi gì."),
            ExtensionOutcome.AlreadyDone => new AdminExtendOutcome(false, false,
                $"{name} đã hoàn thành nhiệm vụ số {number}: không cần gia hạn. Muốn đổi hạn thì mở lại nhiệm vụ trước (tdkt task reopen)."),
            ExtensionOutcome.Ongoing => new AdminExtendOutcome(false, true, $"Nhiệm vụ số {number} thực hiện thường xuyên, không có hạn để gia hạn."),
            ExtensionOutcome.NotLater => new AdminExtendOutcome(false, true,
                $"Ngày gia hạn {VietnamTime.ShortDate(request.To!.Value)} không sau hạn hiện tại ({current}): chưa thay đổi gì."),
            ExtensionOutcome.TooFar => new AdminExtendOutcome(false, true,
                $"Ngày gia hạn {VietnamTime.ShortDate(request.To!.Value)} cách hạn hiện tại ({current}) quá một năm, có lẽ gõ nhầm năm: chưa thay đổi gì."),
            ExtensionOutcome.NoReason => new AdminExtendOutcome(false, true, "Không chấp thuận đề nghị gia hạn thì cần nêu lý do: chưa thay đổi gì."),
            _ => new AdminExtendOutcome(false, true,
                $"Nhiệm vụ số {number} của kế hoạch {plan.Id.Value} không giao cho {agency}, hoặc kế hoạch chưa được kích hoạt: chưa thay đổi gì."),
        };
        return outcome with { Plan = plan.Id.Value, TaskNumber = number, Agency = agency, Due = result.Due, PreviousDue = result.Record?.Due };
    }
}
