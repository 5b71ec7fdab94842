using Tdkt.Cli.Up;
namespace Tdkt.Tests.Infrastructure;

/// <summary>Azurite (pinned in package.json) in memory on free loopback ports.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string InstallHint = "Azurite is installed by `npm ci` in the repository root (Node.js 20 or later is needed).";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private ChildProcess? process;

    public int BlobPort { get; } = FreePort.Next();
    public int QueuePort { get; } = FreePort.Next();
    public int TablePort { get; } = FreePort.Next();

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var executable = RepositoryRoot.File("node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite was not found at node_modules/.bin/azurite. {InstallHint}");
        }
        process = ChildProcess.Start("Azurite", executable,
        [
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], RepositoryRoot.Path);
        await process.WaitUntilReadyAsync(
            async ct => await FreePort.AcceptsAsync(TablePort, ct) && await FreePort.AcceptsAsync(QueuePort, ct) && await FreePort.AcceptsAsync(BlobPort, ct),
            TimeSpan.FromSeconds(60), InstallHint);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
