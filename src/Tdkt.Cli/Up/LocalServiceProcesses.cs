using System.Diagnostics;
using System.Globalization;

namespace Tdkt.Cli.Up;

/// <summary>
/// Azurite and smtp4dev for <c>tdkt up</c>, at the versions pinned in the repository (package.json and
/// .config/dotnet-tools.json): each is started only if nothing answers on its port yet, and only what was
/// started here is stopped on dispose.
/// </summary>
public sealed class LocalServiceProcesses(string repositoryRoot, TextWriter output) : IAsyncDisposable
{
    public const int AzuriteBlobPort = 10000;
    public const int AzuriteQueuePort = 10001;
    public const int AzuriteTablePort = 10002;
    private readonly List<ChildProcess> started = [];

    public async Task EnsureAzuriteAsync(CancellationToken cancellationToken)
    {
        if (await LocalPorts.AcceptsAsync(AzuriteTablePort, cancellationToken) && await LocalPorts.AcceptsAsync(AzuriteQueuePort, cancellationToken))
        {
            await output.WriteLineAsync($"Azurite đã chạy sẵn (127.0.0.1:{AzuriteBlobPort}-{AzuriteTablePort}).");
            return;
        }
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            await output.WriteLineAsync("Cài Azurite theo package.json (npm ci)…");
            await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund"], "npm ci", cancellationToken);
        }
        // Data kept under .tdkt/ (git-ignored), so the plan and completions survive a restart.
        var data = Path.Combine(repositoryRoot, ".tdkt", "azurite");
        Directory.CreateDirectory(data);
        var azurite = ChildProcess.Start("Azurite", executable,
        [
            "--location", data, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", Text(AzuriteBlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(AzuriteQueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(AzuriteTablePort),
        ], repositoryRoot, gracefulStop: TimeSpan.FromSeconds(10));
        started.Add(azurite);
        await azurite.WaitUntilReadyAsync(
            async ct => await LocalPorts.AcceptsAsync(AzuriteTablePort, ct) && await LocalPorts.AcceptsAsync(AzuriteQueuePort, ct) && await LocalPorts.AcceptsAsync(AzuriteBlobPort, ct),
            TimeSpan.FromSeconds(60), "Azurite cần Node.js 20 trở lên và `npm ci` ở thư mục gốc của kho mã.");
        await output.WriteLineAsync($"Đã khởi động Azurite (127.0.0.1:{AzuriteBlobPort}-{AzuriteTablePort}, dữ liệu ở .tdkt/azurite).");
    }

    public async Task EnsureSmtp4devAsync(int smtpPort, int webPort, CancellationToken cancellationToken)
    {
        if (await LocalPorts.AcceptsAsync(smtpPort, cancellationToken))
        {
            await output.WriteLineAsync($"Máy chủ thư đã chạy sẵn (SMTP 127.0.0.1:{smtpPort}).");
            return;
        }
        await RunToEndAsync("dotnet", ["tool", "restore"], "dotnet tool restore", cancellationToken);
        var smtp4dev = ChildProcess.Start("smtp4dev", "dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={Text(smtpPort)}", $"--urls=http://127.0.0.1:{Text(webPort)}",
            "--bindaddress=127.0.0.1", "--hostname=localhost", "--db=", "--nousersettings",
            "--imapport=0", "--pop3port=0", "--messagestokeep=10000", "--sessionstokeep=100",
        ], repositoryRoot);
        started.Add(smtp4dev);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Text(webPort)}/"), Timeout = TimeSpan.FromSeconds(5) };
        await smtp4dev.WaitUntilReadyAsync(
            async ct => await LocalPorts.AcceptsAsync(smtpPort, ct) && (await http.GetAsync(new Uri("api/messages", UriKind.Relative), ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(90), "smtp4dev được cài bằng `dotnet tool restore` ở thư mục gốc của kho mã.");
        await output.WriteLineAsync($"Đã khởi động smtp4dev (SMTP 127.0.0.1:{smtpPort}, hộp thư http://127.0.0.1:{webPort}/).");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(started))
        {
            await process.DisposeAsync();
        }
        started.Clear();
    }

    private async Task RunToEndAsync(string file, string[] arguments, string what, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = repositoryRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Không chạy được {what}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} thất bại (mã {process.ExitCode}): {(await stderr).Split('\n')[0]}");
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
