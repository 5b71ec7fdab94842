using Tdkt.Pages;
using Tdkt.Web.AgencyPage;

namespace Tdkt.Web.Console;

/// <summary>
/// What the shared layout (<c>Console/layout.html.liquid</c>) shows around every console page, and what each page's template
/// may read besides its own view: who is signed in, whether they may change things, and <see cref="Csrf"/>, which goes in every form.
/// </summary>
[PageModel]
public sealed record ConsoleFrame(string Title, string Section)
{
    public string? User { get; init; }
    public string? RoleLabel { get; init; }
    public bool CanChange { get; init; }
    public string Csrf { get; init; } = "";
    public MessageView? Message { get; init; }
}
