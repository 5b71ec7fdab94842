using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Tdkt.Assignments;
using Tdkt.Completion;

namespace Tdkt.Cli.Completion;

/// <summary>
/// <c>tdkt task complete PLAN TASK --agency A [--on DATE] [--by NAME] [--note TEXT]</c>: records an agency's completion
/// on its behalf (it reported by letter or by phone), on the report's date; <c>tdkt task reopen PLAN TASK --reason R
/// [--agency A]</c>: opens it again. Both are <see cref="AdminCompletion"/>'s, as the admin routes are. <c>tdkt task extend PLAN
/// TASK --agency A --to DATE [--reason R]</c> gives it a later date (<see cref="DeadlineExtensions.AdminExtensions"/>).
/// </summary>
public static class TaskCommands
{
    public static Command Create(CliHost host) =>
        new("task", "Ghi nhận hoặc mở lại việc hoàn thành một nhiệm vụ thay cho cơ quan, gia hạn nhiệm vụ (có lưu vết).") { Complete(host), Reopen(host), Extend(host), SetDue(host) };

    /// <summary><c>tdkt task set-due PLAN TASK DATE</c>: gives a task the plan left without a date ("Khi có yêu cầu") its date.</summary>
    private static Command SetDue(CliHost host)
    {
        var (plan, task) = Arguments();
        var date = new Argument<string>("ngày") { Description = "Hạn của nhiệm vụ, yyyy-MM-dd." };
        var by = new Option<string?>("--by") { Description = "Người gán hạn; mặc định: quản trị." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("set-due", "Gán hạn cho một nhiệm vụ kế hoạch chưa ghi thời hạn cụ thể (ví dụ “Khi có yêu cầu”); từ đó nhiệm vụ được nhắc hạn.")
        {
            plan, task, date, by, json,
        };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (!TryDate(parse.GetValue(date), "ngày", "2026-06-30", out var due, out var bad) || due is null)
            {
                return await context.FailAsync(bad.Length > 0 ? bad : "Thiếu ngày (yyyy-MM-dd).", ExitCodes.BadInput);
            }
            var outcome = await context.Get<Tdkt.Plans.UndatedTasks>().SetDueAsync(parse.GetValue(plan)!, parse.GetValue(task)!, due.Value, parse.GetValue(by), ct);
            if (!outcome.Ok)
            {
                return await context.FailAsync(outcome.Message, outcome.BadInput ? ExitCodes.BadInput : ExitCodes.Failure);
            }
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new { plan = parse.GetValue(plan), task = parse.GetValue(task), due = LocalDatePattern.Iso.Format(due.Value) });
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Complete(CliHost host)
    {
        var (plan, task) = Arguments();
        var agency = new Option<string>("--agency") { Description = "Mã cơ quan đã hoàn thành, ví dụ so-noi-vu.", Required = true };
        var on = new Option<string?>("--on") { Description = "Ngày hoàn thành (ngày của văn bản báo cáo), yyyy-MM-dd; mặc định: hôm nay." };
        var by = new Option<string?>("--by") { Description = "Người ghi nhận; mặc định: quản trị." };
        var note = new Option<string?>("--note") { Description = "Ghi chú, ví dụ số hiệu văn bản báo cáo." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("complete", "Ghi nhận một cơ quan đã hoàn thành phần việc của mình trong một nhiệm vụ.") { plan, task, agency, on, by, note, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (!TryDate(parse.GetValue(on), "--on", "2023-03-20", out var date, out var bad))
            {
                return await context.FailAsync(bad, ExitCodes.BadInput);
            }
            var outcome = await context.Get<AdminCompletion>().CompleteAsync(
                new AdminCompleteRequest(parse.GetValue(plan)!, parse.GetValue(task)!, parse.GetValue(agency)!, date, parse.GetValue(by), parse.GetValue(note)), ct);
            var code = outcome.Result switch
            {
                AdminCompleteResult.Recorded => ExitCodes.Ok,
                AdminCompleteResult.AlreadyDone => ExitCodes.Failure,
                _ => ExitCodes.BadInput,
            };
            if (parse.GetValue(json) && outcome.Result is AdminCompleteResult.Recorded or AdminCompleteResult.AlreadyDone)
            {
                await context.WriteJsonAsync(new
                {
                    plan = outcome.Plan, task = outcome.TaskNumber, agency = outcome.Agency, recorded = outcome.Result == AdminCompleteResult.Recorded,
                    completedOn = LocalDatePattern.Iso.Format(outcome.CompletedOn!.Value), due = LocalDatePattern.Iso.Format(outcome.Due!.Value),
                });
                return code;
            }
            if (code != ExitCodes.Ok)
            {
                return await context.FailAsync(outcome.Message, code);
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return code;
        }));
        return command;
    }

    private static Command Reopen(CliHost host)
    {
        var (plan, task) = Arguments();
        var reason = new Option<string>("--reason") { Description = "Lý do mở lại (bắt buộc, lưu vào nhật ký).", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Chỉ mở lại phần việc của cơ quan này; mặc định: mọi cơ quan đã hoàn thành." };
        var by = new Option<string?>("--by") { Description = "Người mở lại; mặc định: quản trị." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("reopen", "Mở lại một nhiệm vụ đã hoàn thành (cho một cơ quan hoặc mọi cơ quan), có lý do.") { plan, task, reason, agency, by, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var outcome = await context.Get<AdminCompletion>().ReopenAsync(
                new AdminReopenRequest(parse.GetValue(plan)!, parse.GetValue(task)!, parse.GetValue(agency), parse.GetValue(reason) ?? "", parse.GetValue(by)), ct);
            switch (outcome.Result)
            {
                case AdminReopenResult.Reopened when parse.GetValue(json):
                    await context.WriteJsonAsync(new
                    {
                        plan = outcome.Plan, task = outcome.TaskNumber, reopened = outcome.Reopened.Select(k => AssignmentKey.Parse(k).Agency),
                    });
                    return ExitCodes.Ok;
                case AdminReopenResult.Reopened:
                    await context.Out.WriteLineAsync(outcome.Message);
                    return ExitCodes.Ok;
                case AdminReopenResult.NothingDone:
                    return await context.FailAsync(outcome.Message);
                default:
                    return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
        }));
        return command;
    }

    private static Command Extend(CliHost host)
    {
        var (plan, task) = Arguments();
        var agency = new Option<string>("--agency") { Description = "Mã cơ quan được gia hạn, ví dụ so-y-te.", Required = true };
        var to = new Option<string?>("--to") { Description = "Hạn mới, yyyy-MM-dd (chấp thuận đề nghị của cơ quan, hoặc gia hạn khi chưa có đề nghị)." };
        var decline = new Option<bool>("--decline") { Description = "Không chấp thuận đề nghị gia hạn đang chờ (cần --reason)." };
        var reason = new Option<string?>("--reason") { Description = "Lý do hoặc ghi chú, gửi cho cơ quan và lưu vào nhật ký." };
        var by = new Option<string?>("--by") { Description = "Người quyết định; mặc định: quản trị." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("extend", "Gia hạn một nhiệm vụ cho một cơ quan, hoặc trả lời đề nghị gia hạn của cơ quan.") { plan, task, agency, to, decline, reason, by, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (!TryDate(parse.GetValue(to), "--to", "2023-04-15", out var date, out var bad))
            {
                return await context.FailAsync(bad, ExitCodes.BadInput);
            }
            if (parse.GetValue(decline) && date is not null)
            {
                return await context.FailAsync("Dùng --to để gia hạn hoặc --decline để không chấp thuận, không dùng cả hai.", ExitCodes.BadInput);
            }
            var outcome = await context.Get<DeadlineExtensions.AdminExtensions>().ExtendAsync(new DeadlineExtensions.AdminExtendRequest(parse.GetValue(plan)!, parse.GetValue(task)!,
                parse.GetValue(agency)!, date, parse.GetValue(decline), parse.GetValue(reason), parse.GetValue(by)), ct);
            if (!outcome.Ok)
            {
                return await context.FailAsync(outcome.Message, outcome.BadInput ? ExitCodes.BadInput : ExitCodes.Failure);
            }
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new
                {
                    plan = outcome.Plan, task = outcome.TaskNumber, agency = outcome.Agency, extended = outcome.Due != outcome.PreviousDue,
                    due = outcome.Due is { } due ? LocalDatePattern.Iso.Format(due) : null,
                    previousDue = outcome.PreviousDue is { } previous ? LocalDatePattern.Iso.Format(previous) : null,
                });
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A date option as yyyy-MM-dd: none when not given; false, with the message, when it is not a date.</summary>
    private static bool TryDate(string? text, string option, string example, out LocalDate? date, out string message)
    {
        date = null;
        message = "";
        if (text is null)
        {
            return true;
        }
        if (LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
        {
            message = $"{option} “{text}” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ {example}";
            return false;
        }
        date = parsed.Value;
        return true;
    }

    private static (Argument<string> Plan, Argument<string> Task) Arguments() => (
        new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd (tdkt plan list)." },
        new Argument<string>("task") { Description = "Số thứ tự nhiệm vụ như trong kế hoạch, ví dụ 1 hoặc III.1." });
}
