using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback that accepts messages and, as Postfix and many providers do (sooner here), closes a
/// connection that has been idle for <see cref="IdleLimit"/> without a word. It counts the messages it accepted.
/// </summary>
public sealed class IdleClosingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int accepted;
    private int connections;

    public IdleClosingSmtpServer(TimeSpan idleLimit)
    {
        IdleLimit = idleLimit;
        listener.Start();
        accepting = AcceptAsync();
    }

    public TimeSpan IdleLimit { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref accepted);

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 idle.example.org ESMTP");
                var inData = false;
                while (true)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    idle.CancelAfter(IdleLimit);
                    string? line;
                    try
                    {
                        line = await reader.ReadLineAsync(idle.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Idle too long: closed without a word, as a server under load does.
                        return;
                    }
                    if (line is null)
                    {
                        return;
                    }
                    if (inData)
                    {
                        if (line == ".")
                        {
                            inData = false;
                            Interlocked.Increment(ref accepted);
                            await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        }
                        continue;
                    }
                    switch (line.Split(' ')[0].ToUpperInvariant())
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-idle.example.org\r\n250 8BITMIME");
                            break;
                        case "DATA":
                            inData = true;
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
