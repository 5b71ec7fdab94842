using Microsoft.AspNetCore.Http;

namespace Tdkt.Web.Http;

/// <summary>Where a request came from, as the bad-link slow-down and the audit see it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address: the last X-Forwarded-For entry (the one the platform's front end adds), else the
    /// connection's, without a port.
    /// </summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (last is not null)
        {
            if (System.Net.IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
            return last.Length > 64 ? last[..64] : last;
        }
        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The user agent as the audit keeps it (at most 512 characters), or null.</summary>
    public static string? UserAgent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.Headers.UserAgent.ToString();
        return string.IsNullOrEmpty(agent) ? null : agent.Length > 512 ? agent[..512] : agent;
    }
}
