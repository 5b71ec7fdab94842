using System.Net;
using System.Net.Sockets;

namespace Tdkt.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port the OS just handed out and released; good enough for a child server.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken) => Tdkt.Cli.Up.LocalPorts.AcceptsAsync(port, cancellationToken);
}
