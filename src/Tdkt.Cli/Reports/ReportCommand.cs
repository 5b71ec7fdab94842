using System.CommandLine;
using NodaTime.Text;
using Tdkt.Reports;

namespace Tdkt.Cli.Reports;

/// <summary><c>tdkt report PLAN [--format text|json|csv|html] [--as-of YYYY-MM-DD] [--output FILE]</c>, the same report as the admin route's.</summary>
public static class ReportCommand
{
    public static Command Create(CliHost host)
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd." };
        var format = new Option<string>("--format") { Description = "text (mặc định), json, csv hoặc html.", DefaultValueFactory = _ => "text" };
        var asOf = new Option<string?>("--as-of") { Description = "Tính đến ngày (YYYY-MM-DD); mặc định hôm nay." };
        var outputFile = new Option<string?>("--output") { Description = "Ghi ra tệp thay vì màn hình (nên dùng cho csv)." };
        var command = new Command("report", "Báo cáo tiến độ của một kế hoạch: hoàn thành đúng hạn, quá hạn; chưa hoàn thành trong hạn, quá hạn; theo cơ quan và theo quý.")
        {
            plan, format, asOf, outputFile,
        };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (ReportBuilder.ParseFormat(parse.GetValue(format)) is not { } kind)
            {
                return await context.FailAsync($"--format {parse.GetValue(format)!.ToLowerInvariant()} không được hỗ trợ: dùng text, json, csv hoặc html", ExitCodes.BadInput);
            }
            NodaTime.LocalDate? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
                {
                    return await context.FailAsync($"--as-of “{text}” không phải ngày dạng YYYY-MM-DD", ExitCodes.BadInput);
                }
                date = parsed.Value;
            }
            var outcome = await context.Get<ReportBuilder>().BuildAsync(parse.GetValue(plan)!, kind, date, ct);
            if (outcome.Document is not { } document)
            {
                return await context.FailAsync(outcome.Problem!, ExitCodes.BadInput);
            }
            if (parse.GetValue(outputFile) is { } file)
            {
                await File.WriteAllBytesAsync(file, document.Content, ct);
                await context.Out.WriteLineAsync($"Đã ghi báo cáo vào {file}.");
            }
            else
            {
                await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(document.Content).TrimStart('\uFEFF'));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
