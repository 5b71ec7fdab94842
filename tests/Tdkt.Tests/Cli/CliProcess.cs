using System.Diagnostics;

namespace Tdkt.Tests.Cli;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the built <c>tdkt</c> as a separate process, as an administrator would.</summary>
public static class CliProcess
{
    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public static async Task<CliResult> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>tdkt</c> without waiting, output redirected (for commands that keep running, or are killed).</summary>
    public static Process Start(IDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tdkt.Cli.dll"));
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info)!;
    }
}
