using System.Collections.Concurrent;
using System.Net;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A small HTTP server on a free loopback port for stand-ins of cloud services that cannot be reached from
/// tests. Each request goes to <see cref="HandleAsync"/>; whatever breaks the documented wire format is noted
/// in <see cref="Problems"/>, which tests assert empty.
/// </summary>
public abstract class LocalHttpStub : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    protected LocalHttpStub()
    {
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    protected int Port { get; } = FreePort.Next();

    public ConcurrentQueue<string> Problems { get; } = new();

    protected abstract Task HandleAsync(HttpListenerContext context);

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex)
            {
                Problems.Enqueue($"stub error: {ex.Message}");
                context.Response.StatusCode = 500;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
        GC.SuppressFinalize(this);
    }
}
