using System.CommandLine;
using NodaTime;
using Tdkt.Hosting;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;

namespace Tdkt.Cli.Mail;

/// <summary><c>tdkt outbox list [--status failed] [--days 31] [--json]</c> and <c>tdkt outbox retry KEY</c>.</summary>
public static class OutboxCommands
{
    public static Command Create()
    {
        var status = new Option<string>("--status") { Description = "pending, sending, sent hoặc failed (mặc định).", DefaultValueFactory = _ => OutboxStatus.Failed };
        var days = new Option<int>("--days") { Description = "Số ngày gần nhất (mặc định 31).", DefaultValueFactory = _ => 31 };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var list = new Command("list", "Các thư theo trạng thái (mặc định: không gửi được) kèm lỗi gần nhất.") { status, days, json };
        list.SetAction((parse, ct) => Cli.RunAsync(parse, async context =>
        {
            var wanted = parse.GetValue(status)!;
            if (wanted is not (OutboxStatus.Pending or OutboxStatus.Sending or OutboxStatus.Sent or OutboxStatus.Failed))
            {
                return await context.FailAsync($"--status {wanted} không hợp lệ: dùng pending, sending, sent hoặc failed", ExitCodes.BadInput);
            }
            var entries = await context.Get<OutboxStore>().ListByStatusAsync(wanted, VietnamTime.Today(context.Get<IClock>()), Math.Clamp(parse.GetValue(days), 1, 400), ct);
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(entries.Select(e => new { key = e.Key.Value, status = e.Status, attempts = e.Attempts, lastError = e.LastError, to = e.To }));
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"{entries.Count} thư ở trạng thái {wanted}.");
            foreach (var e in entries)
            {
                await context.Out.WriteLineAsync($"- {e.Key.Value} ({string.Join(", ", e.To)}), {e.Attempts} lần gửi{(e.LastError is { } error ? $": {error}" : "")}");
            }
            return ExitCodes.Ok;
        }));

        var key = new Argument<string>("key") { Description = "Mã thư, ví dụ 2023-03-24/daily/so-noi-vu." };
        var retry = new Command("retry", "Gửi lại một thư đã thất bại (đặt lại số lần thử, gửi ngay ở lượt sau).") { key };
        retry.SetAction((parse, ct) => Cli.RunAsync(parse, async context =>
        {
            DigestKey digest;
            try
            {
                digest = DigestKey.Parse(parse.GetValue(key)!);
            }
            catch (FormatException)
            {
                return await context.FailAsync($"“{parse.GetValue(key)}” không phải mã thư (YYYY-MM-DD/daily|weekly/cơ-quan)", ExitCodes.BadInput);
            }
            var outbox = context.Get<OutboxStore>();
            if (await outbox.GetAsync(digest, ct) is not { } entry)
            {
                return await context.FailAsync($"không có thư {digest.Value}", ExitCodes.BadInput);
            }
            if (!await outbox.RetryAsync(digest, ct))
            {
                return await context.FailAsync($"thư {digest.Value} đang ở trạng thái {entry.Status}, chỉ gửi lại được thư đã thất bại", ExitCodes.BadInput);
            }
            await context.Get<DispatchQueueClient>().EnqueueAsync(digest, ct);
            await context.Out.WriteLineAsync($"Thư {digest.Value} sẽ được gửi lại ở lượt gửi tới (tdkt dispatch).");
            return ExitCodes.Ok;
        }));
        return new Command("outbox", "Hàng đợi thư: xem thư theo trạng thái, gửi lại thư đã thất bại.") { list, retry };
    }
}
