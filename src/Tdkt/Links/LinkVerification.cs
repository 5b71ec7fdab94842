using NodaTime;

namespace Tdkt.Links;

/// <summary>The outcome of checking a token: the agency and expiry are only to be trusted when <see cref="Check"/> is Valid.</summary>
public sealed record LinkVerification(LinkCheck Check, string? Agency, LocalDate? Expires)
{
    /// <summary>The agency's link generation the token was made in (0 until a link of the agency is first revoked).</summary>
    public int Generation { get; init; }
}
