using NodaTime;
using Tdkt.Pages;

namespace Tdkt.Administration;

[PageModel]
public sealed record AdminUser(string Email, AdminRole Role, Instant AddedAt, string AddedBy)
{
    public string RoleLabel => AdminRoles.Label(Role);

    /// <summary>New each time the address is added (kept when its role changes): a session started before a removal never opens again.</summary>
    public string Generation { get; init; } = "";
}
