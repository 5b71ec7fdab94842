using Tdkt.Plans;

namespace Tdkt.Completion;

/// <summary>What reopening a task did, with the message every host shows.</summary>
public sealed record AdminReopenOutcome(AdminReopenResult Result, string Message)
{
    public string? Plan { get; init; }

    public string? TaskNumber { get; init; }

    /// <summary>The assignments opened again ("0001--so-noi-vu").</summary>
    public IReadOnlyList<string> Reopened { get; init; } = [];

    public static AdminReopenOutcome Done(Plan plan, PlanTask task, IReadOnlyList<string> assignments, IReadOnlyList<string> names) =>
        new(AdminReopenResult.Reopened, $"Đã mở lại nhiệm vụ số {task.Number} cho: {string.Join(", ", names)}.")
        {
            Plan = plan.Id.Value, TaskNumber = task.Number, Reopened = assignments,
        };

    public static AdminReopenOutcome NothingDone(Plan plan, PlanTask task, string? agency) =>
        new(AdminReopenResult.NothingDone,
            $"Nhiệm vụ số {task.Number} của kế hoạch {plan.Id.Value} không có phần việc nào đã hoàn thành để mở lại{(agency is null ? "" : $" cho {agency}")}: không thay đổi gì.")
        {
            Plan = plan.Id.Value, TaskNumber = task.Number,
        };

    public static AdminReopenOutcome NoReason() => new(AdminReopenResult.NoReason, "Thiếu lý do mở lại nhiệm vụ: chưa thay đổi gì.");

    public static AdminReopenOutcome From(AdminCompleteOutcome missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return new(missing.Result == AdminCompleteResult.UnknownPlan ? AdminReopenResult.UnknownPlan : AdminReopenResult.UnknownTask, missing.Message)
        {
            Plan = missing.Plan, TaskNumber = missing.TaskNumber,
        };
    }
}
