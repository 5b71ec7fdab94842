using System.CommandLine;
using Azure;

namespace Tdkt.Cli;

public static class Cli
{
    /// <summary>Runs a command body with the product's services; a storage outage is one clear line and exit 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CliContext, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var context = CliContext.For(parse);
        try
        {
            return await body(context);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            return await context.FailAsync($"cấu hình không hợp lệ: {string.Join("; ", ex.Failures)}", ExitCodes.BadInput);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            return await context.FailAsync(
                $"không truy cập được kho dữ liệu (Tdkt__Storage__ConnectionString): {ex.Message.Split('\n')[0]}");
        }
    }
}
