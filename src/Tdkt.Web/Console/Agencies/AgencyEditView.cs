using Tdkt.Agencies;
using Tdkt.Pages;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Agencies;

/// <summary>The form for one agency: its fields as typed, the version it was made from, the choices, and what was wrong with the last try.</summary>
[PageModel]
public sealed record AgencyEditView(bool IsNew, AgencyForm Form, string Version, IReadOnlyList<FilterOption> Supervisors, IReadOnlyList<FilterOption> Successors,
    IReadOnlyList<string> Errors);
