using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Links;

namespace Tdkt.Web.Console.Agencies;

/// <summary>
/// Cơ quan: the directory as stored (names, aliases, addresses, supervisor, group members, successor); an agency's
/// current link shown on request (as <c>tdkt link</c> prints it) or revoked (every link sent so far stops working);
/// the directory exported as YAML. Editing and importing stay on the command line for now (<c>tdkt agencies import</c>).
/// </summary>
public sealed class ConsoleAgenciesPage(AgencyStore agencies, AgencyLinks links, LinkRevocations revocations, AdminUsers users, VietnamClock clock)
{
    public async Task<AgenciesPageView> BuildAsync(string? showLinkFor, CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        string Name(AgencyId? id) => id is { } a ? directory.Find(a)?.Name ?? a.Value : "";
        string? link = null;
        // Whatever the address bar says: an id that cannot be an agency's shows no link (and is no error).
        if (showLinkFor is { } wanted && AgencyId.IsValid(wanted) && directory.Find(new AgencyId(wanted)) is { IsGroup: false })
        {
            link = await links.LinkForAsync(wanted, clock.Today, cancellationToken);
        }
        var rows = directory.Agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new AgencyRowView(a.Id.Value, a.Name, string.Join("; ", a.Aliases),
            string.Join(", ", a.To), string.Join(", ", a.Cc), Name(a.Supervisor), string.Join(", ", a.Members.Select(m => Name(m))),
            a.ReplacedBy is { } by ? $"{Name(by)}{(a.ReplacedFrom is { } from ? " từ " + VietnamTime.ShortDate(from) : "")}" : "", a.IsGroup,
            a.Id.Value == showLinkFor ? link : null)).ToList();
        return new AgenciesPageView(rows, $"{rows.Count} cơ quan, đơn vị trong danh bạ.", link is null ? null : showLinkFor);
    }

    /// <summary>Revokes every link sent to the agency so far; the message says what happened, or why nothing did.</summary>
    public async Task<(bool Revoked, string Message)> RevokeAsync(string agency, string by, CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        if (!AgencyId.IsValid(agency) || directory.Find(new AgencyId(agency)) is not { IsGroup: false } found)
        {
            return (false, $"Không có cơ quan {agency} trong danh bạ: chưa thu hồi gì.");
        }
        var generation = await revocations.RevokeAsync(agency, by, cancellationToken);
        await users.AuditAsync(by, ConsoleAgencyEditing.Actions.Revoke, agency, $"lần {generation}", cancellationToken);
        return (true, $"Đã thu hồi mọi đường dẫn đã gửi cho {found.Name} (lần thu hồi thứ {generation}); thư nhắc việc từ nay mang đường dẫn mới.");
    }

    public async Task<string> ExportYamlAsync(CancellationToken cancellationToken) => AgencyDirectoryFile.WriteYaml(await agencies.LoadAsync(cancellationToken));
}
