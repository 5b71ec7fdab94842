using System.Collections.Concurrent;
using System.Net;

namespace Tdkt.Tests.Infrastructure;

/// <summary>One OTLP/HTTP export request as it arrived: its path (/v1/traces, /v1/metrics, /v1/logs), content type and body.</summary>
public sealed record OtlpRequest(string Path, string? ContentType, byte[] Body);

/// <summary>
/// A small OpenTelemetry collector stand-in on a loopback port: accepts OTLP over HTTP (protobuf) as a collector does,
/// answering 200 with an empty export response, and keeps each request for the test to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public ConcurrentQueue<OtlpRequest> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new OtlpRequest(context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
