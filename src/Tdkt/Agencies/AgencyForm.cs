using Tdkt.Clock;
using Tdkt.Pages;

namespace Tdkt.Agencies;

/// <summary>
/// One agency as an edit form gives it: lists as typed (names one per line or ';'-separated, addresses by ',', ';' or
/// line), the supervisor, members and successor by id, the successor's first day as dd/MM/yyyy or yyyy-MM-dd.
/// </summary>
[PageModel]
public sealed record AgencyForm(string Id, string Name, string Aliases, string To, string Cc, string Supervisor, bool IsGroup, string Members,
    string ReplacedBy, string ReplacedFrom)
{
    public static AgencyForm Of(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return new(agency.Id.Value, agency.Name, string.Join("\n", agency.Aliases), string.Join("\n", agency.To), string.Join("\n", agency.Cc),
            agency.Supervisor?.Value ?? "", agency.IsGroup, string.Join("\n", agency.Members.Select(m => m.Value)), agency.ReplacedBy?.Value ?? "",
            agency.ReplacedFrom is { } from ? VietnamTime.ShortDate(from) : "");
    }
}
