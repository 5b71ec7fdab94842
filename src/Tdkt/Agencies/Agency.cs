
namespace Tdkt.Agencies;

/// <summary>
/// An agency in the directory. A group ("Các cơ quan, đơn vị liên quan") has members and receives no
/// mail itself: a task assigned to it is assigned to each member.
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
}
