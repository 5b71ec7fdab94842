using NodaTime;

namespace Tdkt.Mail;

/// <summary>The agency's link to its task page, put in every digest; null when links are not configured.</summary>
public interface IAgencyLinks
{
    string? LinkFor(string agency, LocalDate sentOn);
}
