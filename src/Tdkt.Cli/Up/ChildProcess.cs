using System.Diagnostics;
using System.Text;

namespace Tdkt.Cli.Up;

/// <summary>
/// A server that <c>tdkt up</c> (or a test) starts: output is kept for error messages, readiness is probed,
/// and the whole process tree is killed on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProcess(Process process) => this.process = process;

    public string Name { get; private init; } = "";

    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    public bool HasExited => process.HasExited;

    /// <summary>When set, stopping sends SIGTERM and waits this long before killing the process tree.</summary>
    public TimeSpan? GracefulStop { get; init; }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan? gracefulStop = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process) { Name = name, GracefulStop = gracefulStop };
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <paramref name="ready"/> until it answers true; fails with the server's output if it exits or times out.</summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> ready, TimeSpan timeout, string installHint)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {process.ExitCode} before it was ready. {installHint}\n--- {Name} output ---\n{Output}");
            }
            try
            {
                if (await ready(cts.Token))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // Not listening yet.
            }
            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        throw new TimeoutException($"{Name} did not answer within {timeout.TotalSeconds:0} s. {installHint}\n--- {Name} output ---\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited && GracefulStop is { } grace && !OperatingSystem.IsWindows())
            {
                // Ask first (Azurite saves its data on SIGTERM), then stop whatever is left of the tree.
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                });
                await term!.WaitForExitAsync();
                try
                {
                    await process.WaitForExitAsync().WaitAsync(grace);
                }
                catch (TimeoutException)
                {
                    // Killed below.
                }
            }
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            // Keep the tail only: a chatty server must not grow the test process without bound.
            if (output.Length > 64_000)
            {
                output.Remove(0, 32_000);
            }
            output.AppendLine(line);
        }
    }
}
