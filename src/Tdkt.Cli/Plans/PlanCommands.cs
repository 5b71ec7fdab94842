using System.CommandLine;
using Tdkt.Agencies;
using Tdkt.Cli.Agencies;
using Tdkt.Clock;
using Tdkt.Plans;
using Tdkt.Plans.Import;

namespace Tdkt.Cli.Plans;

/// <summary><c>tdkt plan …</c>: import, export, roll-forward, activate, archive and list plans, and set their reminders and report schedule.</summary>
public static class PlanCommands
{
    public static Command Create(CliHost host) => new("plan", "Kế hoạch: nhập, xuất, chuyển năm, kích hoạt (plans).")
    {
        Import(host, "import", "Nhập kế hoạch, kiểm tra toàn bộ, xem trước và lưu (tất cả hoặc không gì cả).", preview: false),
        Import(host, "preview", "Xem trước kế hoạch (nhiệm vụ, thời hạn, cơ quan) và mọi lỗi, không lưu gì: như import --dry-run.", preview: true),
        Export(host),
        RollForwardCommand(host),
        SetNumberCommand(host),
        Status(host, "activate", "Kích hoạt kế hoạch để bắt đầu nhắc việc.", PlanStatus.Active),
        Status(host, "archive", "Lưu trữ kế hoạch: ngừng nhắc việc.", PlanStatus.Archived),
        List(host),
        Reminders.ReminderPolicyCommand.Create(host),
        ReportScheduleCommand(host),
    };

    private static Command ReportScheduleCommand(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Mã kế hoạch." };
        var schedule = new Argument<string>("schedule") { Description = "quarterly (hằng quý, mặc định), monthly (hằng tháng) hoặc off (không gửi)." };
        var command = new Command("report-schedule", "Lịch gửi báo cáo định kỳ (bản .docx) cho cơ quan báo cáo, vào ngày làm việc đầu tiên sau mỗi kỳ.") { id, schedule };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var outcome = await context.Get<PlanLifecycle>().SetReportScheduleAsync(parse.GetValue(id)!, parse.GetValue(schedule)!, ct);
            if (outcome.Result != PlanChangeResult.Done)
            {
                return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Import(CliHost host, string name, string description, bool preview)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch: .txt (văn bản ban hành), .docx, .pdf, .xlsx, .yaml, .json hoặc .csv." };
        var agencies = new Option<FileInfo?>("--agencies") { Description = "Danh bạ cơ quan (.yaml hoặc .csv); mặc định: danh bạ đã lưu." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ kiểm tra và xem trước, không lưu." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var confirm = new Option<bool>("--confirm-changes") { Description = "Lưu cả khi lần nhập chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận (xem trước bằng --dry-run)." };
        var number = new Option<string?>("--number") { Description = "Số hiệu kế hoạch (ví dụ 245/KH-UBND): dùng khi văn bản không có hoặc ghi sai." };
        var issuer = new Option<string?>("--issuer") { Description = "Cơ quan ban hành (ví dụ “Ủy ban nhân dân tỉnh Lạng Sơn”)." };
        var issuedOn = new Option<string?>("--issued-on") { Description = "Ngày ban hành (dd/MM/yyyy hoặc yyyy-MM-dd)." };
        var command = new Command(name, description) { file, agencies, json, number, issuer, issuedOn };
        if (!preview)
        {
            command.Options.Add(dryRun);
            command.Options.Add(confirm);
        }
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return await context.FailAsync($"không tìm thấy tệp {path.Name}", ExitCodes.BadInput);
            }
            AgencyDirectory? directory = null;
            if (parse.GetValue(agencies) is { } directoryPath)
            {
                if (!directoryPath.Exists)
                {
                    return await context.FailAsync($"không tìm thấy tệp {directoryPath.Name}", ExitCodes.BadInput);
                }
                var read = await AgencyCommands.ReadAsync(directoryPath, ct);
                if (read.Directory is null)
                {
                    return await ReportAsync(context, new PlanImportOutcome(PlanImportResult.Invalid, null, null, read.Errors), parse.GetValue(json));
                }
                directory = read.Directory;
            }
            var request = new PlanImportRequest(await File.ReadAllBytesAsync(path.FullName, ct), path.Name)
            {
                Directory = directory,
                DryRun = preview || parse.GetValue(dryRun),
                ConfirmChanges = !preview && parse.GetValue(confirm),
                Header = PlanHeaderOverrides.Of(parse.GetValue(number), parse.GetValue(issuer), parse.GetValue(issuedOn)),
            };
            PlanImportOutcome outcome;
            using (var progress = context.Progress(parse.GetValue(json)))
            {
                outcome = await context.Get<PlanImport>().RunAsync(request, progress, ct);
            }
            return outcome.Result switch
            {
                PlanImportResult.NoDirectory => await context.FailAsync("chưa có danh bạ cơ quan: dùng --agencies FILE hoặc “tdkt agencies import FILE” trước.", ExitCodes.BadInput),
                PlanImportResult.Busy => await context.FailAsync(outcome.Message, ExitCodes.Failure),
                _ => await ReportAsync(context, outcome, parse.GetValue(json)),
            };
        }));
        return command;
    }

    private static Command Export(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd." };
        var format = new Option<string>("--format") { Description = "yaml, json hoặc csv.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json", "csv");
        var command = new Command("export", "Xuất kế hoạch đã lưu ra YAML, JSON hoặc CSV.") { id, format };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var plan = await FindAsync(context, parse.GetValue(id)!, ct);
            if (plan is null)
            {
                return await context.FailAsync($"không có kế hoạch “{parse.GetValue(id)}”", ExitCodes.BadInput);
            }
            await context.Out.WriteAsync(parse.GetValue(format) switch
            {
                "json" => CanonicalPlan.ToJson(plan),
                "csv" => PlanCsv.Write(plan),
                _ => CanonicalPlan.ToYaml(plan),
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RollForwardCommand(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Mã kế hoạch năm trước." };
        var year = new Option<int>("--year") { Description = "Năm của kế hoạch mới.", Required = true };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("roll-forward", "Tạo dự thảo kế hoạch năm sau từ kế hoạch này, kèm danh sách thay đổi để rà soát.") { id, year, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            PlanChangeOutcome outcome;
            using (var progress = context.Progress(parse.GetValue(json)))
            {
                outcome = await context.Get<PlanLifecycle>().RollForwardAsync(parse.GetValue(id)!, parse.GetValue(year), progress, ct);
            }
            if (outcome.Draft is not { } draft)
            {
                return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
            var changes = outcome.Changes;
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new { draft = draft.Id.Value, changes });
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync(outcome.Message);
            foreach (var c in changes)
            {
                await context.Out.WriteLineAsync($"  {(c.Task.Length > 0 ? "Nhiệm vụ " + c.Task : "Kế hoạch")} · {c.Field}: {c.Before} → {c.After}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SetNumberCommand(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Mã dự thảo, ví dụ 2024-du-thao-252-kh-ubnd." };
        var number = new Argument<string>("number") { Description = "Số hiệu của kế hoạch đã ban hành, ví dụ 245/KH-UBND." };
        var issuedOn = new Option<string?>("--issued-on") { Description = "Ngày ban hành, dd/MM/yyyy hoặc yyyy-MM-dd." };
        var command = new Command("set-number", "Ghi số hiệu (và ngày ban hành) cho dự thảo kế hoạch khi kế hoạch đã được ban hành.") { id, number, issuedOn };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            NodaTime.LocalDate? date = null;
            if (parse.GetValue(issuedOn) is { Length: > 0 } text)
            {
                if (VietnamTime.ParseDate(text) is not { } day)
                {
                    return await context.FailAsync($"--issued-on “{text}” không phải ngày hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd); không có gì thay đổi", ExitCodes.BadInput);
                }
                date = day;
            }
            var outcome = await context.Get<PlanLifecycle>().SetNumberAsync(parse.GetValue(id)!, parse.GetValue(number)!, date, ct);
            if (outcome.Result != PlanChangeResult.Done)
            {
                return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliHost host, string name, string description, PlanStatus status)
    {
        var id = new Argument<string>("id") { Description = "Mã kế hoạch." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var outcome = await context.Get<PlanLifecycle>().SetStatusAsync(parse.GetValue(id)!, status, ct);
            if (outcome.Result != PlanChangeResult.Done)
            {
                return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("list", "Liệt kê các kế hoạch đã lưu.") { json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var plans = await context.Get<PlanStore>().ListAsync(ct);
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(plans.Select(p => new { id = p.Id.Value, p.Number, p.Title, p.Year, status = p.Status.ToString().ToLowerInvariant(), p.TaskCount, p.ImportIncomplete,
                    reportSchedule = ReportSchedules.Name(p.ReportSchedule) }));
                return ExitCodes.Ok;
            }
            foreach (var p in plans)
            {
                await context.Out.WriteLineAsync($"{p.Id}  {p.Number}  {p.Year}  {PlanLifecycle.StatusText(p.Status)}  {p.TaskCount} nhiệm vụ{(p.ImportIncomplete ? "  (nhập chưa xong: chạy lại lệnh nhập)" : "")}  {p.Title}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<Plan?> FindAsync(CliContext context, string id, CancellationToken ct) =>
        PlanId.IsValid(id) ? await context.Get<PlanStore>().GetAsync(new PlanId(id), ct) : null;

    private static async Task<int> ReportAsync(CliContext context, PlanImportOutcome outcome, bool json)
    {
        var plan = outcome.Plan;
        var errors = outcome.Errors;
        var refused = outcome.Result == PlanImportResult.NeedsConfirmation;
        if (json)
        {
            await context.WriteJsonAsync(new
            {
                plan = plan is null ? null : ImportedPlanView.Of(plan),
                result = outcome.Result.ToString().ToLowerInvariant(),
                message = outcome.Message,
                changes = outcome.ChangeViews,
                warnings = outcome.Warnings,
                notRead = outcome.NotRead.Select(u => new { line = u.Line, where = u.Place, text = u.Text, reason = u.Reason }),
                errors = errors.Select(e => new { file = e.File, line = e.Line, where = e.Where, field = e.Field, message = e.Message }),
            });
        }
        else
        {
            foreach (var e in errors)
            {
                await context.Error.WriteLineAsync(e.Describe());
            }
            if (plan is not null && errors.Count == 0)
            {
                var output = refused ? context.Error : context.Out;
                if (!refused)
                {
                    await PlanPreview.WriteAsync(output, plan);
                }
                await PlanPreview.WriteNotReadAsync(output, outcome.NotRead);
                foreach (var warning in outcome.Warnings)
                {
                    await context.Error.WriteLineAsync("Lưu ý: " + warning);
                }
                if (outcome.ChangeLines.Count > 0)
                {
                    await output.WriteLineAsync("Nhiệm vụ đã có kết quả hoàn thành:");
                    foreach (var line in outcome.ChangeLines)
                    {
                        await output.WriteLineAsync("- " + line);
                    }
                }
                await output.WriteLineAsync(outcome.Message);
            }
            else
            {
                await PlanPreview.WriteNotReadAsync(context.Error, outcome.NotRead);
                await context.Error.WriteLineAsync($"tdkt: {errors.Count} lỗi; chưa lưu gì.");
            }
        }
        return errors.Count == 0 && !refused ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
