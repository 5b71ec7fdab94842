using System.CommandLine;
using NodaTime.Text;
using Tdkt.Reports;

namespace Tdkt.Cli.Reports;

/// <summary>
/// <c>tdkt report PLAN [--format text|json|csv|html|docx] [--as-of YYYY-MM-DD] [--period month|quarter|half|year] [-o FILE]</c>,
/// the same report as the admin route's; docx is the report sent upward, for the period.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliHost host)
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd." };
        var format = new Option<string>("--format") { Description = "text (mặc định), json, csv, html, hoặc docx (báo cáo gửi cấp trên, dạng văn bản hành chính).", DefaultValueFactory = _ => "text" };
        var period = new Option<string>("--period") { Description = "Kỳ báo cáo của docx: month, quarter (mặc định), half hoặc year.", DefaultValueFactory = _ => "quarter" };
        var asOf = new Option<string?>("--as-of") { Description = "Tính đến ngày (YYYY-MM-DD); mặc định hôm nay." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Ghi ra tệp thay vì màn hình (nên dùng cho csv; docx mặc định ghi vào thư mục hiện tại)." };
        var command = new Command("report", "Báo cáo tiến độ của một kế hoạch: hoàn thành đúng hạn, quá hạn; chưa hoàn thành trong hạn, quá hạn; theo cơ quan và theo quý.")
        {
            plan, format, asOf, period, outputFile,
        };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (ReportBuilder.ParseFormat(parse.GetValue(format)) is not { } kind)
            {
                return await context.FailAsync($"--format {parse.GetValue(format)!.ToLowerInvariant()} không được hỗ trợ: dùng text, json, csv, html hoặc docx", ExitCodes.BadInput);
            }
            if (Tdkt.Reports.Official.ReportPeriod.ParseKind(parse.GetValue(period)) is not { } periodKind)
            {
                return await context.FailAsync($"--period {parse.GetValue(period)} không được hỗ trợ: dùng month, quarter, half hoặc year", ExitCodes.BadInput);
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
            var outcome = await context.Get<ReportBuilder>().BuildAsync(parse.GetValue(plan)!, kind, date, periodKind, ct);
            if (outcome.Document is not { } document)
            {
                return await context.FailAsync(outcome.Problem!, ExitCodes.BadInput);
            }
            if ((parse.GetValue(outputFile) ?? (kind == ReportFormat.Docx ? document.FileName : null)) is { } file)
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
