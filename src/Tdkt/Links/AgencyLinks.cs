using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Mail;

namespace Tdkt.Links;

/// <summary>
/// The link in an agency's digests: {BaseUrl}/api/a/{token}, the token naming the agency and valid until the
/// end of the year it was sent in plus <see cref="LinkOptions.GraceDays"/> (a plan's digests are sent in its year),
/// so a link from any digest keeps working until well after the plan closes. No base URL or no key: no link.
/// </summary>
public sealed class AgencyLinks(LinkTokens tokens, LinkRevocations revocations, IOptions<LinkOptions> options) : IAgencyLinks
{
    public const string PagePath = "api/a/";

    /// <summary>The link of an agency whose links were never revoked (or of <paramref name="generation"/>).</summary>
    public string? LinkFor(string agency, LocalDate sentOn, int generation = 0)
    {
        var baseUrl = options.Value.BaseUrl;
        if (string.IsNullOrEmpty(baseUrl) || !tokens.CanSign)
        {
            return null;
        }
        return $"{baseUrl.TrimEnd('/')}/{PagePath}{tokens.Create(agency, Expiry(sentOn), generation)}";
    }

    public async Task<string?> LinkForAsync(string agency, LocalDate sentOn, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(options.Value.BaseUrl) || !tokens.CanSign
            ? null
            : LinkFor(agency, sentOn, await revocations.GenerationAsync(agency, cancellationToken));

    public LocalDate Expiry(LocalDate sentOn) => new LocalDate(sentOn.Year, 12, 31).PlusDays(options.Value.GraceDays);

    public const string FeedPath = "api/cal/";

    /// <summary>Where a file's one-hour download link points, from the site's root: /api/f/{token}.</summary>
    public const string DownloadPath = "api/f/";

    /// <summary>
    /// The agency's calendar subscription address, {BaseUrl}/api/cal/{token}.ics: valid through next year's end (plus
    /// grace), since a calendar keeps polling it; revoked with the agency's links (<see cref="LinkRevocations"/>).
    /// </summary>
    public async Task<string?> FeedForAsync(string agency, LocalDate today, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.BaseUrl) || !tokens.CanSign)
        {
            return null;
        }
        var generation = await revocations.GenerationAsync(agency, cancellationToken);
        return $"{options.Value.BaseUrl.TrimEnd('/')}/{FeedPath}{tokens.CreateFeed(agency, Expiry(today.PlusYears(1)), generation)}.ics";
    }
}
