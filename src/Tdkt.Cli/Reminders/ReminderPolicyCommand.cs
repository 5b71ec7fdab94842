using System.CommandLine;
using System.Globalization;
using Tdkt.Plans;

namespace Tdkt.Cli.Reminders;

/// <summary>
/// <c>tdkt plan reminders ID [--task N] [--before 5,1] [--due-day true|false] [--overdue-every 3]
/// [--escalate-after 5] [--kickoff true|false]</c>: shows, or changes, when a plan (or one task) is reminded.
/// Options not given keep their current value.
/// </summary>
public static class ReminderPolicyCommand
{
    public static Command Create(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Mã kế hoạch." };
        var task = new Option<string?>("--task") { Description = "Số thứ tự nhiệm vụ (ví dụ 7 hoặc III.1): chỉ đổi cho nhiệm vụ này." };
        var before = new Option<string?>("--before") { Description = "Nhắc trước hạn bao nhiêu ngày làm việc, ví dụ 5,1." };
        var dueDay = new Option<bool?>("--due-day") { Description = "Nhắc đúng ngày đến hạn (true/false)." };
        var overdueEvery = new Option<int?>("--overdue-every") { Description = "Quá hạn: nhắc lại sau mỗi bao nhiêu ngày làm việc." };
        var escalateAfter = new Option<int?>("--escalate-after") { Description = "Quá hạn bao nhiêu ngày làm việc thì gửi kèm cơ quan theo dõi (0: không)." };
        var kickoff = new Option<bool?>("--kickoff") { Description = "Gửi danh sách nhiệm vụ đầu quý (true/false)." };
        var command = new Command("reminders", "Xem hoặc đổi lịch nhắc việc của kế hoạch, hoặc của một nhiệm vụ.")
        {
            id, task, before, dueDay, overdueEvery, escalateAfter, kickoff,
        };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var planId = parse.GetValue(id)!;
            var store = context.Get<PlanStore>();
            var summary = PlanId.IsValid(planId) ? (await store.ListAsync(ct)).FirstOrDefault(p => p.Id.Value == planId) : null;
            if (summary is null)
            {
                return await context.FailAsync($"không có kế hoạch “{planId}”", ExitCodes.BadInput);
            }
            string? taskKey = null;
            if (parse.GetValue(task) is { } number)
            {
                var plan = await store.GetAsync(summary.Id, ct);
                taskKey = plan?.Tasks.FirstOrDefault(t => t.Number == number)?.Key;
                if (taskKey is null)
                {
                    return await context.FailAsync($"kế hoạch {planId} không có nhiệm vụ số “{number}”", ExitCodes.BadInput);
                }
            }
            var current = taskKey is null ? summary.Reminders.Plan : summary.Reminders.For(taskKey);
            var changed = current;
            if (parse.GetValue(before) is { } list)
            {
                var days = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (days.Any(d => !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    return await context.FailAsync($"--before “{list}” phải là các số ngày làm việc cách nhau bởi dấu phẩy, ví dụ 5,1", ExitCodes.BadInput);
                }
                changed = changed with { BeforeDue = days.Select(d => int.Parse(d, CultureInfo.InvariantCulture)).OrderDescending().ToValueList() };
            }
            changed = changed with
            {
                DueDay = parse.GetValue(dueDay) ?? changed.DueDay,
                OverdueEvery = parse.GetValue(overdueEvery) ?? changed.OverdueEvery,
                EscalateAfter = parse.GetValue(escalateAfter) ?? changed.EscalateAfter,
                Kickoff = parse.GetValue(kickoff) ?? changed.Kickoff,
            };
            if (changed.Problems() is { Count: > 0 } problems)
            {
                return await context.FailAsync(string.Join(" ", problems), ExitCodes.BadInput);
            }
            if (changed != current)
            {
                await store.SetRemindersAsync(summary.Id, taskKey, changed, ct);
            }
            var scope = taskKey is null ? $"Kế hoạch {planId}" : $"Nhiệm vụ {parse.GetValue(task)} của kế hoạch {planId}";
            await context.Out.WriteLineAsync($"{scope}{(changed != current ? " (đã lưu)" : "")}: {Describe(changed)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Describe(ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var parts = new List<string>
        {
            policy.Kickoff ? "gửi danh sách đầu quý" : "không gửi danh sách đầu quý",
            policy.BeforeDue.Count > 0 ? $"nhắc trước hạn {string.Join(" và ", policy.BeforeDue)} ngày làm việc" : "không nhắc trước hạn",
            policy.DueDay ? "nhắc ngày đến hạn" : "không nhắc ngày đến hạn",
            $"quá hạn nhắc lại mỗi {policy.OverdueEvery} ngày làm việc",
            policy.EscalateAfter > 0 ? $"quá hạn từ {policy.EscalateAfter} ngày làm việc thì gửi kèm cơ quan theo dõi" : "không gửi kèm cơ quan theo dõi",
        };
        return string.Join("; ", parts) + ".";
    }
}
