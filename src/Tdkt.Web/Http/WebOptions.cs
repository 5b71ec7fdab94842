using System.Net;

namespace Tdkt.Web.Http;

/// <summary>Settings of the HTTP front (Tdkt:Web).</summary>
public sealed class WebOptions
{
    public const string Section = "Tdkt:Web";

    /// <summary>
    /// The proxies whose X-Forwarded-For is believed, comma-separated addresses or ranges ("10.0.0.0/8, 127.0.0.1").
    /// Empty (the default): the connection's own address is the client's, and X-Forwarded-For is ignored, so a
    /// client cannot choose the address the bad-link slow-down counts and the audit keeps.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>The ranges <see cref="TrustedProxies"/> names; an entry that is not an address or range is an error.</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks()
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new FormatException($"Tdkt:Web:TrustedProxies: “{entry}” không phải địa chỉ IP hay dải địa chỉ (ví dụ 10.0.0.0/8).");
            }
        }
        return networks;
    }
}
