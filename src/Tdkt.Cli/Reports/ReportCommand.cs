using System.CommandLine;
using System.Globalization;
using NodaTime.Text;
using Tdkt.Plans;
using Tdkt.Reports;

namespace Tdkt.Cli.Reports;

/// <summary><c>tdkt report PLAN [--format text|json|csv|html] [--as-of YYYY-MM-DD] [--output FILE]</c>.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ 2023-252-kh-ubnd." };
        var format = new Option<string>("--format") { Description = "text (mặc định), json, csv hoặc html.", DefaultValueFactory = _ => "text" };
        var asOf = new Option<string?>("--as-of") { Description = "Tính đến ngày (YYYY-MM-DD); mặc định hôm nay." };
        var outputFile = new Option<string?>("--output") { Description = "Ghi ra tệp thay vì màn hình (nên dùng cho csv)." };
        var command = new Command("report", "Báo cáo tiến độ của một kế hoạch: hoàn thành đúng hạn, quá hạn; chưa hoàn thành trong hạn, quá hạn; theo cơ quan và theo quý.")
        {
            plan, format, asOf, outputFile,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async context =>
        {
            var kind = parse.GetValue(format)!.ToLowerInvariant();
            if (kind is not ("text" or "json" or "csv" or "html"))
            {
                return await context.FailAsync($"--format {kind} không được hỗ trợ: dùng text, json, csv hoặc html", ExitCodes.BadInput);
            }
            NodaTime.LocalDate? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    return await context.FailAsync($"--as-of “{text}” không phải ngày dạng YYYY-MM-DD", ExitCodes.BadInput);
                }
                date = parsed.Value;
            }
            var id = parse.GetValue(plan)!;
            if (await context.Get<PlanReports>().ComputeAsync(new PlanId(id), date, ct) is not { } report)
            {
                return await context.FailAsync($"không có kế hoạch {id} (tdkt plan list)", ExitCodes.BadInput);
            }
            byte[] bytes = kind switch
            {
                "csv" => ReportFormats.Csv(report),
                "html" => System.Text.Encoding.UTF8.GetBytes(context.Get<ReportFormats>().Html(report)),
                "json" => System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(ReportFormats.Json(report), CliContext.JsonOptions) + "\n"),
                _ => System.Text.Encoding.UTF8.GetBytes(Text(report)),
            };
            if (parse.GetValue(outputFile) is { } file)
            {
                await File.WriteAllBytesAsync(file, bytes, ct);
                await context.Out.WriteLineAsync($"Đã ghi báo cáo vào {file}.");
            }
            else
            {
                await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Text(PlanReport report)
    {
        var lines = new List<string>
        {
            $"Kế hoạch số {report.Number}: {report.Title}",
            $"Tính đến {Hosting.VietnamTime.Format(report.AsOf)}. Cột: đúng hạn / hoàn thành quá hạn / trong hạn / quá hạn / tổng, tỷ lệ hoàn thành.",
        };
        foreach (var line in report.ByAgency.Append(report.Total))
        {
            var c = line.Counts;
            var done = c.Total == 0 ? 0m : Math.Round(100m * (c.DoneOnTime + c.DoneLate) / c.Total, 1, MidpointRounding.AwayFromZero);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {line.AgencyName}: {c.DoneOnTime} / {c.DoneLate} / {c.OpenInTime} / {c.OpenOverdue} / {c.Total}, {done.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')} %"));
        }
        return string.Join("\n", lines) + "\n";
    }
}
