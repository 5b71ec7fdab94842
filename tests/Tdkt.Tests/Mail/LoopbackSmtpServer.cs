using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port for the cases smtp4dev cannot play: it accepts connections and lets the
/// subclass speak on each (<see cref="ServeAsync"/>) with an ASCII reader and a CRLF writer; a client that goes away
/// ends its conversation quietly.
/// </summary>
public abstract class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task accepting;
    private int connections;

    protected LoopbackSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections it accepted.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Cancelled when the server stops.</summary>
    protected CancellationTokenSource Stop { get; } = new();

    /// <summary>One connection's conversation, from the greeting on; returning closes it.</summary>
    protected abstract Task ServeAsync(StreamReader reader, StreamWriter writer);

    private async Task AcceptAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(Stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            _ = ConverseAsync(client);
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await ServeAsync(reader, writer);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        listener.Stop();
        await accepting;
        Stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
