
namespace Tdkt.Agencies;

/// <summary>The outcome of looking a name up: the agencies it stands for, or why it stands for none.</summary>
public abstract record AgencyResolution
{
    public sealed record Found(ValueList<AgencyId> Agencies) : AgencyResolution;

    public sealed record Unknown(ValueList<string> Suggestions) : AgencyResolution;

    /// <summary>A group with no members: the administrator must say who it means.</summary>
    public sealed record EmptyGroup(Agency Group) : AgencyResolution;
}
