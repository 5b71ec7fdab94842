using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Tdkt.Clock;
using Tdkt.Reminders;
using Tdkt.Scheduling;

namespace Tdkt.Cli.Reminders;

/// <summary><c>tdkt sweep --date YYYY-MM-DD [--dry-run] [--json]</c>: the daily sweep for one date, by hand.</summary>
public static class SweepCommand
{
    public static Command Create(CliHost host)
    {
        var date = new Option<string?>("--date") { Description = "Ngày quét, yyyy-MM-dd (giờ Việt Nam); mặc định: hôm nay." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ xem thư sẽ tạo, không ghi gì." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("sweep", "Quét nhắc việc cho một ngày: tạo thư tổng hợp cho từng cơ quan (mỗi cơ quan một thư một ngày).") { date, dryRun, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            LocalDate day;
            if (parse.GetValue(date) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    return await context.FailAsync($"--date “{text}” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-24", ExitCodes.BadInput);
                }
                day = parsed.Value;
            }
            else
            {
                day = context.Get<VietnamClock>().Today;
            }
            SweepResult result;
            using (var progress = context.Progress(parse.GetValue(json)))
            {
                result = await context.Get<DailySweep>().RunAsync(day, parse.GetValue(dryRun), SweepTriggers.Cli, progress, ct);
            }
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(SweepJson.For(result));
            }
            else
            {
                await WriteHumanAsync(context.Out, result, parse.GetValue(dryRun));
            }
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync($"tdkt: {error}");
            }
            return result.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }

    private static async Task WriteHumanAsync(TextWriter output, SweepResult result, bool dryRun)
    {
        var day = VietnamTime.Format(result.Date);
        if (!result.WorkingDay)
        {
            await output.WriteLineAsync($"{day}: ngày nghỉ, không gửi nhắc việc.");
            return;
        }
        var written = dryRun ? "chạy thử, chưa ghi gì" : $"{result.Created} thư mới vào hàng đợi gửi, {result.Existing} thư đã có từ lần quét trước";
        await output.WriteLineAsync($"{day}: {result.Digests.Count} thư nhắc việc ({result.Notices} nhiệm vụ), {result.Summaries.Count} báo cáo tuần{(result.Reports.Count > 0 ? $", {result.Reports.Count} báo cáo định kỳ" : "")}; {written}; đã đọc {result.RowsRead + result.SummaryRowsRead} dòng dữ liệu.");
        foreach (var digest in result.Digests)
        {
            var cc = digest.Cc.Count > 0 ? $"; cc: {string.Join(", ", digest.Cc)}" : "";
            await output.WriteLineAsync($"- {digest.AgencyName} <{string.Join(", ", digest.To)}>{cc}");
            foreach (var n in digest.Notices)
            {
                await output.WriteLineAsync($"    {SweepJson.KindText(n.Kind),-14} {n.Plan} nhiệm vụ {n.Task,-6} hạn {VietnamTime.ShortDate(n.Due)} ({SweepJson.DaysText(n.WorkingDaysLeft)})");
            }
        }
        foreach (var summary in result.Summaries)
        {
            await output.WriteLineAsync($"- Báo cáo tuần gửi {summary.AgencyName} <{string.Join(", ", summary.To)}>: {summary.Agencies.Count} cơ quan");
        }
        foreach (var report in result.Reports)
        {
            await output.WriteLineAsync($"- Báo cáo định kỳ gửi {report.AgencyName} <{string.Join(", ", report.To)}> (ngày {VietnamTime.ShortDate(report.Key.Date)}): "
                + string.Join(", ", report.Reports.Select(r => r.Plan)));
        }
    }
}
