using NodaTime;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Plans;
using Tdkt.Reports;
using Tdkt.Wording;

namespace Tdkt.Completion;

/// <summary>What recording a completion on an agency's behalf did, with the message every host shows.</summary>
public sealed record AdminCompleteOutcome(AdminCompleteResult Result, string Message)
{
    public string? Plan { get; init; }

    /// <summary>The task as printed in the plan.</summary>
    public string? TaskNumber { get; init; }

    public string? TaskKey { get; init; }

    public string? Agency { get; init; }

    /// <summary>The completion date recorded (or recorded before, for <see cref="AdminCompleteResult.AlreadyDone"/>).</summary>
    public LocalDate? CompletedOn { get; init; }

    public LocalDate? Due { get; init; }

    /// <summary>Recorded on <paramref name="on"/>, against the date in force <paramref name="due"/> (an extension's, or the plan's).</summary>
    public static AdminCompleteOutcome Recorded(Plan plan, PlanTask task, string agency, string name, LocalDate on, LocalDate due)
    {
        var extended = due != task.Deadline.Due ? " đã gia hạn" : "";
        var timing = task.Deadline.IsOngoing ? $"nhiệm vụ {MailText.LowerFirst(task.Deadline.Phrase)}"
            : Progress.Of(due, on, on) == ProgressCategory.DoneOnTime ? $"đúng hạn, hạn{extended} {VietnamTime.ShortDate(due)}"
            : $"quá hạn, hạn{extended} {VietnamTime.ShortDate(due)}";
        return new AdminCompleteOutcome(AdminCompleteResult.Recorded,
            $"Đã ghi nhận {name} hoàn thành nhiệm vụ số {task.Number} ngày {VietnamTime.ShortDate(on)} ({timing}).")
            .About(plan, task, agency, on);
    }

    public static AdminCompleteOutcome AlreadyDone(Plan plan, PlanTask task, string agency, string name, CompletionInfo existing) =>
        new AdminCompleteOutcome(AdminCompleteResult.AlreadyDone,
            $"{name} đã được ghi nhận hoàn thành nhiệm vụ số {task.Number} ngày {VietnamTime.ShortDate(existing.On)}{(existing.By is { } by ? $" ({by})" : "")} từ trước; "
            + "muốn sửa ngày thì mở lại nhiệm vụ rồi ghi nhận lại.")
            .About(plan, task, agency, existing.On);

    public static AdminCompleteOutcome UnknownPlan(string plan) =>
        new(AdminCompleteResult.UnknownPlan, $"Không có kế hoạch {plan}.") { Plan = plan };

    public static AdminCompleteOutcome UnknownTask(Plan plan, string number) =>
        new(AdminCompleteResult.UnknownTask, $"Kế hoạch {plan.Id.Value} không có nhiệm vụ số {number}.") { Plan = plan.Id.Value, TaskNumber = number };

    public static AdminCompleteOutcome NotHeld(Plan plan, PlanTask task, string agency) =>
        new AdminCompleteOutcome(AdminCompleteResult.NotHeld,
            $"Nhiệm vụ số {task.Number} của kế hoạch {plan.Id.Value} không giao cho {agency}, hoặc kế hoạch chưa được kích hoạt: chưa ghi nhận gì.")
            .About(plan, task, agency, null);

    public static AdminCompleteOutcome DateInFuture(LocalDate on, LocalDate today) =>
        new(AdminCompleteResult.DateInFuture, $"Ngày hoàn thành {VietnamTime.ShortDate(on)} là sau hôm nay ({VietnamTime.ShortDate(today)}): chưa ghi nhận gì.");

    public static AdminCompleteOutcome DateBeforePlan(LocalDate on, int year) =>
        new(AdminCompleteResult.DateBeforePlan,
            $"Ngày hoàn thành {VietnamTime.ShortDate(on)} sớm hơn ngày {VietnamTime.ShortDate(CompletionService.EarliestCompletion(year))} "
            + $"(đầu năm trước năm kế hoạch {year}), có lẽ gõ nhầm năm: chưa ghi nhận gì.");

    private AdminCompleteOutcome About(Plan plan, PlanTask task, string agency, LocalDate? on) => this with
    {
        Plan = plan.Id.Value, TaskNumber = task.Number, TaskKey = task.Key, Agency = agency, CompletedOn = on, Due = task.Deadline.Due,
    };
}
