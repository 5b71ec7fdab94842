using NodaTime;

namespace Tdkt.Mail;

/// <summary>The agency's link to its task page, put in every digest; null when links are not configured.</summary>
public interface IAgencyLinks
{
    /// <summary>The link for a digest sent on <paramref name="sentOn"/>, in the agency's current link generation.</summary>
    Task<string?> LinkForAsync(string agency, LocalDate sentOn, CancellationToken cancellationToken);
}
