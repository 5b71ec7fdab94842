using NodaTime;
using Tdkt.Assignments;
using Tdkt.Clock;

namespace Tdkt.Plans;

/// <summary>
/// Tasks a plan gives no fixed date ("Khi có yêu cầu", "Theo hướng dẫn của Trung ương"): imported with no due date and not
/// reminded; when the date becomes known, an administrator gives it (<c>tdkt task set-due PLAN TASK DATE</c>), the stored
/// task takes it with its completions kept, each assignment's audit says so, and from then it is reminded like any other.
/// </summary>
public sealed class UndatedTasks(PlanStore plans, VietnamClock clock)
{
    /// <summary>
    /// A re-import of a plan keeps the day an administrator gave an undated task: the document still says "Khi có yêu cầu",
    /// and the stored task, with that phrase, has the day (<see cref="SetDueAsync"/>). A changed phrase is the plan's to say.
    /// </summary>
    public static Plan KeepGivenDays(Plan plan, IReadOnlyList<StoredTask> stored)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stored);
        var given = stored.Where(s => !s.Removed && s.Rule == DeadlineRule.OnDate && s.Phrase is not null)
            .ToDictionary(s => s.Key, StringComparer.Ordinal);
        if (given.Count == 0 || !plan.Tasks.Any(t => t.Deadline.IsUndated))
        {
            return plan;
        }
        return plan with
        {
            Tasks = plan.Tasks.Select(t => t.Deadline.IsUndated && given.TryGetValue(t.Key, out var s) && s.Phrase == t.Deadline.Phrase
                ? t with { Deadline = new Deadline(DeadlineRule.OnDate, t.Deadline.Phrase, s.Due), Quarter = ((s.Due.Month - 1) / 3) + 1 }
                : t).ToValueList(),
        };
    }

    public async Task<SetDueOutcome> SetDueAsync(string planId, string taskNumber, LocalDate due, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskNumber);
        if (!PlanId.IsValid(planId) || await plans.GetAsync(new PlanId(planId), cancellationToken) is not { } plan)
        {
            return new SetDueOutcome(false, true, $"Không có kế hoạch {planId}.");
        }
        var number = taskNumber.Trim();
        var task = plan.Tasks.FirstOrDefault(t => t.Number == number) ?? plan.Tasks.FirstOrDefault(t => t.Key == PlanTask.KeyFor(number));
        if (task is null)
        {
            return new SetDueOutcome(false, true, $"Kế hoạch số {plan.Number} không có nhiệm vụ số {number}.");
        }
        if (!task.Deadline.IsUndated)
        {
            return new SetDueOutcome(false, true, task.Deadline.IsOngoing
                ? $"Nhiệm vụ số {task.Number} là nhiệm vụ thường xuyên, không gán hạn: không thay đổi gì."
                : $"Nhiệm vụ số {task.Number} đã có thời hạn “{task.Deadline.Phrase}” ({VietnamTime.ShortDate(task.Deadline.Due)}): "
                    + "muốn lùi hạn cho một cơ quan thì gia hạn (tdkt task extend); không thay đổi gì.");
        }
        if (due < clock.Today)
        {
            return new SetDueOutcome(false, true, $"Ngày {VietnamTime.ShortDate(due)} đã qua (hôm nay {VietnamTime.ShortDate(clock.Today)}): chọn một ngày từ hôm nay; không thay đổi gì.");
        }
        if (due.Year != plan.Year && !(due.Year == plan.Year - 1 && due.Month >= 8))
        {
            return new SetDueOutcome(false, true, $"Ngày {VietnamTime.ShortDate(due)} nằm ngoài năm kế hoạch {plan.Year}: không thay đổi gì.");
        }
        // The plan's phrase is kept: it is what the plan wrote; the day is what the administrator gave.
        var dated = task with { Deadline = new Deadline(DeadlineRule.OnDate, task.Deadline.Phrase, due), Quarter = ((due.Month - 1) / 3) + 1 };
        var updated = plan with { Tasks = plan.Tasks.Select(t => ReferenceEquals(t, task) ? dated : t).ToValueList() };
        var note = $"gán hạn {VietnamTime.ShortDate(due)} cho nhiệm vụ chưa có thời hạn cụ thể (“{task.Deadline.Phrase}”)";
        var audit = task.Agencies.Select(a => new AuditEntry(plan.Id.Value, new AssignmentKey(task.Key, a.Value).Value, AuditLog.Actions.Revise, clock.Now,
            string.IsNullOrWhiteSpace(by) ? "quản trị" : by.Trim(), note, null, null)).ToList();
        var saved = await plans.SaveAsync(updated, null, audit, cancellationToken);
        if (saved is PlanSaveOutcome.Busy or PlanSaveOutcome.Superseded)
        {
            return new SetDueOutcome(false, false, $"Kế hoạch số {plan.Number} đang có một lần nhập khác: chưa thay đổi gì. Thử lại sau ít phút.");
        }
        return new SetDueOutcome(true, false,
            $"Đã gán hạn {VietnamTime.ShortDate(due)} cho nhiệm vụ số {task.Number} của kế hoạch số {plan.Number}: từ nay nhiệm vụ được nhắc như mọi nhiệm vụ khác.", due);
    }
}
