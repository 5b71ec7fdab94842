using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Completion;
using Tdkt.Hosting;
using Tdkt.Plans;

namespace Tdkt.Cli.Completion;

/// <summary>
/// <c>tdkt task complete PLAN TASK --agency A [--on DATE] [--by NAME] [--note TEXT]</c>: records an agency's completion
/// on its behalf (it reported by letter or by phone), on the report's date; <c>tdkt task reopen PLAN TASK --reason R
/// [--agency A]</c>: opens it again. Both audited, as the admin routes are.
/// </summary>
public static class TaskCommands
{
    private const string DefaultBy = "quản trị";

    public static Command Create() => new("task", "Ghi nhận hoặc mở lại việc hoàn thành một nhiệm vụ thay cho cơ quan (có lưu vết).") { Complete(), Reopen() };

    private static Command Complete()
    {
        var (plan, task) = Arguments();
        var agency = new Option<string>("--agency") { Description = "Mã cơ quan đã hoàn thành, ví dụ so-noi-vu.", Required = true };
        var on = new Option<string?>("--on") { Description = "Ngày hoàn thành (ngày của văn bản báo cáo), yyyy-MM-dd; mặc định: hôm nay." };
        var by = new Option<string?>("--by") { Description = "Người ghi nhận; mặc định: quản trị." };
        var note = new Option<string?>("--note") { Description = "Ghi chú, ví dụ số hiệu văn bản báo cáo." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("complete", "Ghi nhận một cơ quan đã hoàn thành phần việc của mình trong một nhiệm vụ.") { plan, task, agency, on, by, note, json };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async context =>
        {
            LocalDate? date = null;
            if (parse.GetValue(on) is { } text)
            {
                if (LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
                {
                    return await context.FailAsync($"--on “{text}” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-20", ExitCodes.BadInput);
                }
                date = parsed.Value;
            }
            var (found, problem) = await FindTaskAsync(context, parse.GetValue(plan)!, parse.GetValue(task)!, ct);
            if (problem is not null)
            {
                return await context.FailAsync(problem, ExitCodes.BadInput);
            }
            var (thePlan, theTask) = found!.Value;
            var who = parse.GetValue(agency)!.Trim();
            var name = (await context.Get<AgencyStore>().LoadAsync(ct)).Find(new AgencyId(who))?.Name ?? who;
            var completion = context.Get<CompletionService>();
            var (outcome, record) = await completion.CompleteOnBehalfAsync(who, new TaskRef(thePlan.Id, theTask.Key), date, parse.GetValue(by) ?? DefaultBy,
                parse.GetValue(note), ct);
            var day = date ?? completion.Today;
            if (parse.GetValue(json) && outcome is CompleteOutcome.Recorded or CompleteOutcome.AlreadyDone)
            {
                await context.WriteJsonAsync(new
                {
                    plan = thePlan.Id.Value, task = theTask.Number, agency = who, recorded = outcome == CompleteOutcome.Recorded,
                    completedOn = LocalDatePattern.Iso.Format(record?.Completion?.On ?? day), due = LocalDatePattern.Iso.Format(theTask.Deadline.Due),
                });
                return outcome == CompleteOutcome.Recorded ? ExitCodes.Ok : ExitCodes.Failure;
            }
            switch (outcome)
            {
                case CompleteOutcome.Recorded:
                    var timing = day <= theTask.Deadline.Due ? "đúng hạn" : "quá hạn";
                    await context.Out.WriteLineAsync(
                        $"Đã ghi nhận {name} hoàn thành nhiệm vụ số {theTask.Number} ngày {VietnamTime.ShortDate(day)} ({timing}, hạn {VietnamTime.ShortDate(theTask.Deadline.Due)}).");
                    return ExitCodes.Ok;
                case CompleteOutcome.AlreadyDone when record?.Completion is { } c:
                    return await context.FailAsync(
                        $"{name} đã được ghi nhận hoàn thành nhiệm vụ số {theTask.Number} ngày {VietnamTime.ShortDate(c.On)}{(c.By is { } b ? $" ({b})" : "")} từ trước; "
                        + "muốn sửa ngày thì mở lại (tdkt task reopen) rồi ghi nhận lại");
                case CompleteOutcome.DateBeforePlan:
                    return await context.FailAsync(
                        $"--on {VietnamTime.ShortDate(day)} sớm hơn ngày {VietnamTime.ShortDate(CompletionService.EarliestCompletion(thePlan.Year))} (đầu năm trước năm kế hoạch {thePlan.Year}), có lẽ gõ nhầm năm: chưa ghi nhận gì",
                        ExitCodes.BadInput);
                case CompleteOutcome.DateInFuture:
                    return await context.FailAsync($"--on {VietnamTime.ShortDate(day)} là sau hôm nay ({VietnamTime.ShortDate(completion.Today)}): chưa ghi nhận gì", ExitCodes.BadInput);
                default:
                    return await context.FailAsync(
                        $"nhiệm vụ số {theTask.Number} của kế hoạch {thePlan.Id.Value} không giao cho {who}, hoặc kế hoạch chưa được kích hoạt: chưa ghi nhận gì", ExitCodes.BadInput);
            }
        }));
        return command;
    }

    private static Command Reopen()
    {
        var (plan, task) = Arguments();
        var reason = new Option<string>("--reason") { Description = "Lý do mở lại (bắt buộc, lưu vào nhật ký).", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Chỉ mở lại phần việc của cơ quan này; mặc định: mọi cơ quan đã hoàn thành." };
        var by = new Option<string?>("--by") { Description = "Người mở lại; mặc định: quản trị." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("reopen", "Mở lại một nhiệm vụ đã hoàn thành (cho một cơ quan hoặc mọi cơ quan), có lý do.") { plan, task, reason, agency, by, json };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async context =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                return await context.FailAsync("--reason không được để trống: cần lý do mở lại", ExitCodes.BadInput);
            }
            var (found, problem) = await FindTaskAsync(context, parse.GetValue(plan)!, parse.GetValue(task)!, ct);
            if (problem is not null)
            {
                return await context.FailAsync(problem, ExitCodes.BadInput);
            }
            var (thePlan, theTask) = found!.Value;
            var only = parse.GetValue(agency)?.Trim();
            var reopened = await context.Get<CompletionService>().ReopenAsync(thePlan.Id, theTask.Key, only, parse.GetValue(reason)!, parse.GetValue(by) ?? DefaultBy, ct);
            if (reopened.Count == 0)
            {
                return await context.FailAsync(
                    $"nhiệm vụ số {theTask.Number} không có phần việc nào đã hoàn thành để mở lại{(only is null ? "" : $" cho {only}")}: không thay đổi gì");
            }
            var agencies = reopened.Select(k => k[(k.IndexOf("--", StringComparison.Ordinal) + 2)..]).ToList();
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new { plan = thePlan.Id.Value, task = theTask.Number, reopened = agencies });
                return ExitCodes.Ok;
            }
            var directory = await context.Get<AgencyStore>().LoadAsync(ct);
            await context.Out.WriteLineAsync($"Đã mở lại nhiệm vụ số {theTask.Number} cho: "
                + string.Join(", ", agencies.Select(a => directory.Find(new AgencyId(a))?.Name ?? a)) + ".");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (Argument<string> Plan, Argument<string> Task) Arguments() => (
        new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd (tdkt plan list)." },
        new Argument<string>("task") { Description = "Số thứ tự nhiệm vụ như trong kế hoạch, ví dụ 1 hoặc III.1." });

    /// <summary>The plan and its task by the number printed in the plan (or its key), or a message that says which is missing.</summary>
    private static async Task<((Plan Plan, PlanTask Task)? Found, string? Problem)> FindTaskAsync(CliContext context, string planId, string number,
        CancellationToken cancellationToken)
    {
        if (!PlanId.IsValid(planId.Trim()) || await context.Get<PlanStore>().GetAsync(new PlanId(planId.Trim()), cancellationToken) is not { } plan)
        {
            return (null, $"không có kế hoạch {planId} (xem tdkt plan list)");
        }
        var wanted = number.Trim();
        return plan.Tasks.FirstOrDefault(t => t.Number == wanted || t.Key == wanted) is { } task
            ? ((plan, task), null)
            : (null, $"kế hoạch {plan.Id.Value} không có nhiệm vụ số {wanted}");
    }
}
