using NodaTime;

namespace Tdkt.Mail;

/// <summary>
/// The agency's link to its task page, put in every digest. The signed links come with the completion
/// feature; until it registers its implementation, digests carry no link (<see cref="NoAgencyLinks"/>).
/// </summary>
public interface IAgencyLinks
{
    string? LinkFor(string agency, LocalDate sentOn);
}

public sealed class NoAgencyLinks : IAgencyLinks
{
    public string? LinkFor(string agency, LocalDate sentOn) => null;
}
