using Tdkt.Cli.Up;
using System.Globalization;

namespace Tdkt.Tests.Infrastructure;

/// <summary>smtp4dev (pinned in .config/dotnet-tools.json): a real SMTP server with a JSON API, on free loopback ports.</summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    public const string InstallHint = "smtp4dev is installed by `dotnet tool restore` in the repository root.";

    private ChildProcess? process;

    public int SmtpPort { get; } = FreePort.Next();
    public int WebPort { get; } = FreePort.Next();
    public Uri ApiBase => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>The settings that send over SMTP to this server from <paramref name="sender"/> (tests give each run its own sender).</summary>
    public Dictionary<string, string?> MailSettings(string sender) => new()
    {
        ["Tdkt:Mail:Channel"] = "Smtp",
        ["Tdkt:Mail:From"] = sender,
        ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
        ["Tdkt:Mail:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task StartAsync()
    {
        process = ChildProcess.Start("smtp4dev", "dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={SmtpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--urls=http://127.0.0.1:{WebPort.ToString(CultureInfo.InvariantCulture)}",
            "--bindaddress=127.0.0.1", "--hostname=localhost", "--db=", "--nousersettings",
            "--imapport=0", "--pop3port=0", "--messagestokeep=100000", "--sessionstokeep=100",
        ], RepositoryRoot.Path);
        using var http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilReadyAsync(
            async ct => await FreePort.AcceptsAsync(SmtpPort, ct)
                && (await http.GetAsync(new Uri("api/messages", UriKind.Relative), ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(90), InstallHint);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
