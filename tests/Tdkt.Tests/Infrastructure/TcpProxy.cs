using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a service, for cutting the network without stopping the service: while cut,
/// every open connection is reset and new ones are closed as soon as they arrive (what an unreachable storage
/// account looks like to the SDK); restored, it relays again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int target;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private volatile bool cut;

    public TcpProxy(int targetPort)
    {
        target = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections were refused or reset while cut.</summary>
    public int Refused => Volatile.Read(ref refused);

    private int refused;

    public void Cut()
    {
        cut = true;
        foreach (var (client, upstream) in open)
        {
            Reset(client);
            Reset(upstream);
        }
    }

    public void Restore() => cut = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        if (cut)
        {
            Interlocked.Increment(ref refused);
            Reset(client);
            return;
        }
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target, stopping.Token);
            open[client] = upstream;
            var up = client.GetStream().CopyToAsync(upstream.GetStream(), stopping.Token);
            var down = upstream.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended (or was cut): both sides are closed below.
        }
        finally
        {
            open.TryRemove(client, out _);
            Reset(client);
            Reset(upstream);
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        foreach (var (client, upstream) in open)
        {
            Reset(client);
            Reset(upstream);
        }
        stopping.Dispose();
    }
}
