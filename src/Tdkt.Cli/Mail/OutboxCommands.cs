using System.CommandLine;
using Tdkt.Mail;
using Tdkt.Outbox;

namespace Tdkt.Cli.Mail;

/// <summary>
/// <c>tdkt outbox list [--status failed] [--days 31] [--json]</c> and <c>tdkt outbox retry KEY|--day DATE</c>, over the same use
/// cases as the admin routes and the console.
/// </summary>
public static class OutboxCommands
{
    public static Command Create(CliHost host)
    {
        var status = new Option<string?>("--status") { Description = $"{OutboxStatuses.Choices}; mặc định: failed." };
        var days = new Option<int>("--days") { Description = $"Số ngày gần nhất (mặc định {OutboxListing.DefaultDays}).", DefaultValueFactory = _ => OutboxListing.DefaultDays };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var list = new Command("list", "Các thư theo trạng thái (mặc định: không gửi được) kèm lỗi gần nhất.") { status, days, json };
        list.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var outcome = await context.Get<OutboxListing>().ListAsync(parse.GetValue(status), parse.GetValue(days), ct);
            if (outcome.Entries is not { } entries)
            {
                return await context.FailAsync(outcome.Problem!, ExitCodes.BadInput);
            }
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(entries.Select(e => new { key = e.Key.Value, status = e.Status.Name(), attempts = e.Attempts, lastError = e.LastError, to = e.To }));
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"{entries.Count} thư ở trạng thái {outcome.Status.Name()}.");
            foreach (var e in entries)
            {
                await context.Out.WriteLineAsync($"- {e.Key.Value} ({string.Join(", ", e.To)}), {e.Attempts} lần gửi{(e.LastError is { } error ? $": {error}" : "")}");
            }
            return ExitCodes.Ok;
        }));

        var key = new Argument<string?>("key") { Description = "Mã thư, ví dụ 2023-03-24/daily/so-noi-vu.", Arity = ArgumentArity.ZeroOrOne };
        var day = new Option<string?>("--day") { Description = "Gửi lại mọi thư không gửi được của một ngày (yyyy-MM-dd), thay cho một mã thư." };
        var retry = new Command("retry", "Gửi lại một thư đã thất bại, hoặc mọi thư thất bại của một ngày (đặt lại số lần thử, gửi ngay ở lượt sau).") { key, day };
        retry.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var (one, whole) = (parse.GetValue(key), parse.GetValue(day));
            if ((one is null) == (whole is null))
            {
                return await context.FailAsync("Ghi một mã thư (tdkt outbox retry 2023-03-24/daily/so-noi-vu) hoặc --day yyyy-MM-dd, không ghi cả hai.", ExitCodes.BadInput);
            }
            if (whole is not null)
            {
                if (NodaTime.Text.LocalDatePattern.Iso.Parse(whole) is not { Success: true } date)
                {
                    return await context.FailAsync($"--day “{whole}” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-24.", ExitCodes.BadInput);
                }
                var all = await context.Get<DigestRetry>().RetryDayAsync(date.Value, ct);
                if (all.Retried == 0)
                {
                    return await context.FailAsync(all.Message, ExitCodes.BadInput);
                }
                await context.Out.WriteLineAsync(all.Message);
                return ExitCodes.Ok;
            }
            var outcome = await context.Get<DigestRetry>().RetryAsync(one!, ct);
            if (outcome.Result != DigestRetryResult.Retried)
            {
                return await context.FailAsync(outcome.Message, ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(outcome.Message);
            return ExitCodes.Ok;
        }));
        return new Command("outbox", "Hàng đợi thư: xem thư theo trạng thái, gửi lại thư đã thất bại.") { list, retry };
    }
}
