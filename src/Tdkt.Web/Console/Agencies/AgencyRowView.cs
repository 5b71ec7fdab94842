using Tdkt.Pages;

namespace Tdkt.Web.Console.Agencies;

/// <summary>An agency as the directory page lists it.</summary>
[PageModel]
public sealed record AgencyRowView(string Id, string Name, string Aliases, string To, string Cc, string Supervisor, string Members, string Successor, bool IsGroup,
    string? Link);
