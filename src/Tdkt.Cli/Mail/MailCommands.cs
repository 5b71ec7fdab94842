using System.CommandLine;
using MimeKit;
using Tdkt.Clock;
using Tdkt.Mail;

namespace Tdkt.Cli.Mail;

/// <summary><c>tdkt mail send-test --to ADDRESS</c> and <c>tdkt dispatch</c>.</summary>
public static class MailCommands
{
    public static Command Mail(CliHost host)
    {
        var to = new Option<string>("--to") { Description = "Địa chỉ nhận thư thử.", Required = true };
        var sendTest = new Command("send-test", "Gửi một thư mẫu qua kênh đã cấu hình (Tdkt__Mail__Channel) và in câu trả lời của máy chủ thư.") { to };
        sendTest.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var address = parse.GetValue(to)!;
            if (!MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address.Trim() || !address.Contains('@', StringComparison.Ordinal))
            {
                return await context.FailAsync($"--to “{address}” không phải một địa chỉ thư", ExitCodes.BadInput);
            }
            IMailChannel channel;
            try
            {
                channel = context.Get<IMailChannel>();
            }
            catch (InvalidOperationException ex)
            {
                return await context.FailAsync(ex.Message, ExitCodes.BadInput);
            }
            var mail = context.Get<MailComposer>().Sample(parsed.Address, context.Get<VietnamClock>().Today);
            try
            {
                var result = await channel.SendAsync(mail, ct);
                await context.Out.WriteLineAsync($"Đã gửi thư thử tới {parsed.Address} qua {channel.Name}. Máy chủ trả lời: {result.Answer} (mã {result.ProviderId}).");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is MailTransientException or MailPermanentException)
            {
                return await context.FailAsync($"chưa gửi được thư thử qua {channel.Name}: {ex.Message}");
            }
        }));
        return new Command("mail", "Thư: kiểm tra cấu hình gửi thư.") { sendTest };
    }

    public static Command Dispatch(CliHost host)
    {
        var watch = new Option<bool>("--watch") { Description = "Chạy liên tục, mỗi 15 giây một lượt, đến khi nhấn Ctrl+C." };
        var command = new Command("dispatch", "Gửi một lượt các thư đang chờ trong hàng đợi gửi (outbox), như hàm Dispatch trên Azure.") { watch };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (parse.GetValue(watch))
            {
                await context.Get<MailDispatcher>().RunAsync(TimeSpan.FromSeconds(15), 4, pass =>
                {
                    if (pass.Sent + pass.Retrying + pass.Failed > 0)
                    {
                        context.Out.WriteLine(pass.Summary);
                        if (pass.LastError is { } lastError)
                        {
                            context.Error.WriteLine($"tdkt: {lastError}");
                        }
                    }
                }, ct);
                return ExitCodes.Ok;
            }
            DispatchPass pass;
            using (var progress = context.Progress(json: false))
            {
                pass = await context.Get<MailDispatcher>().DispatchPendingAsync(concurrency: 4, progress, ct);
            }
            await context.Out.WriteLineAsync(pass.Summary);
            if (pass.LastError is { } error)
            {
                // The cause, in one line, for whoever must fix it (a password, a server name).
                await context.Error.WriteLineAsync($"tdkt: {error}");
            }
            return pass.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }
}
