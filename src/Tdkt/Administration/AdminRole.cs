
namespace Tdkt.Administration;

/// <summary>What a console user may do: administrators change things; viewers (leaders of UBND tỉnh, Sở Nội vụ) see everything and change nothing.</summary>
public enum AdminRole
{
    Admin,
    Viewer,
}
