using System.CommandLine;
using NodaTime.Text;

namespace Tdkt.Cli.Up;

/// <summary><c>tdkt up [--as-of YYYY-MM-DD] [--port N] [--once]</c>: the whole system on this machine.</summary>
public static class UpCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Chạy đồng hồ từ 08:00 ngày này (YYYY-MM-DD), ví dụ 2023-03-24 để kế hoạch mẫu năm 2023 gửi thư ngay hôm nay.",
        };
        var port = new Option<int>("--port") { Description = "Cổng của máy chủ web cục bộ.", DefaultValueFactory = _ => 7071 };
        var once = new Option<bool>("--once") { Description = "Chỉ quét một lần và gửi một lượt thư, in tóm tắt rồi thoát." };
        var command = new Command("up",
            "Chạy toàn bộ hệ thống trên máy này: Azurite, hộp thư smtp4dev, kế hoạch mẫu, các trang web và API của ứng dụng, quét nhắc việc hằng ngày và gửi thư.")
        {
            asOf, port, once,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            NodaTime.LocalDate? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    await error.WriteLineAsync($"tdkt: --as-of “{text}” không phải ngày dạng YYYY-MM-DD (ví dụ 2023-03-24).");
                    return ExitCodes.BadInput;
                }
                date = parsed.Value;
            }
            var portNumber = parse.GetValue(port);
            if (portNumber is < 1 or > 65535)
            {
                await error.WriteLineAsync($"tdkt: --port {portNumber} không hợp lệ (1-65535).");
                return ExitCodes.BadInput;
            }
            try
            {
                return await new UpRunner(output, error).RunAsync(date, portNumber, parse.GetValue(once), ct);
            }
            catch (Exception ex) when (Tdkt.Storage.StorageFailure.IsStorage(ex))
            {
                await error.WriteLineAsync($"tdkt: {Tdkt.Storage.StorageFailure.Describe(ex)}");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                await error.WriteLineAsync($"tdkt: {ex.Message.Split('\n')[0]}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
