using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tdkt.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback that speaks just enough of RFC 5321 to refuse: with <c>offerAuth</c> it advertises
/// AUTH and answers every login with 535 (an expired password), without it it offers no AUTH at all (a configured
/// user name then cannot log in). It never accepts a message.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly bool offerAuth;
    private int logins;

    public RefusingSmtpServer(bool offerAuth)
    {
        this.offerAuth = offerAuth;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many AUTH commands were refused.</summary>
    public int Logins => Volatile.Read(ref logins);

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
                await writer.WriteLineAsync("220 refusing.example.org ESMTP");
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync(offerAuth ? "250-refusing.example.org\r\n250 AUTH PLAIN LOGIN" : "250 refusing.example.org");
                            break;
                        case "AUTH":
                            Interlocked.Increment(ref logins);
                            await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
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
