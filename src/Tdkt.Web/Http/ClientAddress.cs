using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tdkt.Web.Http;

/// <summary>
/// Where a request came from, as the bad-link slow-down and the audit see it: the connection's address, or, while
/// that address is a configured trusted proxy (<see cref="WebOptions.TrustedProxies"/>), the X-Forwarded-For hop it
/// added, right to left. A client that writes its own X-Forwarded-For changes nothing unless it is a trusted proxy.
/// </summary>
public sealed class ClientAddress(IOptions<WebOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> trusted = options.Value.TrustedNetworks();

    public string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = request.HttpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        var hops = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0 && IsTrusted(address); i--)
        {
            if (Parse(hops[i]) is not { } hop)
            {
                break;
            }
            address = hop;
        }
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private bool IsTrusted(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return trusted.Any(n => n.Contains(plain));
    }

    /// <summary>A hop as proxies write it: an address, with a port or in brackets at times.</summary>
    private static IPAddress? Parse(string hop) =>
        IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address : IPAddress.TryParse(hop.Trim('[', ']'), out var address) ? address : null;

    /// <summary>The user agent as the audit keeps it (at most 512 characters), or null.</summary>
    public static string? UserAgent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.Headers.UserAgent.ToString();
        return string.IsNullOrEmpty(agent) ? null : agent.Length > 512 ? agent[..512] : agent;
    }
}
