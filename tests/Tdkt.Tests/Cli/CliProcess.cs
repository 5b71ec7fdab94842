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

    /// <summary>
    /// Runs <c>tdkt</c> on a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal runs it; returns the
    /// exit code and what the terminal showed (stdout and stderr together, with their control characters).
    /// </summary>
    public static async Task<CliResult> RunInTerminalAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "Tdkt.Cli.dll") }.Concat(arguments).Select(Quote));
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--quiet", "--flush", "--return", "--command", command, "/dev/null"])
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var shown = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await shown, await stderr);

        static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
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
