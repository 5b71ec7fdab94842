using NodaTime;

namespace Tdkt.Agencies;

/// <summary>
/// An agency in the directory. A group ("Các cơ quan, đơn vị liên quan") has members and receives no
/// mail itself: a task assigned to it is assigned to each member. An agency renamed or merged into another stays in the
/// directory (past plans and their reports keep its name) with its successor (<see cref="ReplacedBy"/>) and the day the
/// successor took over (<see cref="ReplacedFrom"/>).
/// </summary>
public sealed record Agency(
    AgencyId Id,
    string Name,
    ValueList<string> Aliases,
    ValueList<string> To,
    ValueList<string> Cc,
    AgencyId? Supervisor,
    ValueList<AgencyId> Members,
    bool IsGroup)
{
    public IEnumerable<string> Names => Aliases.Prepend(Name);

    /// <summary>The agency that took this one's tasks over (a merger or a rename), from <see cref="ReplacedFrom"/>.</summary>
    public AgencyId? ReplacedBy { get; init; }

    public LocalDate? ReplacedFrom { get; init; }
}
