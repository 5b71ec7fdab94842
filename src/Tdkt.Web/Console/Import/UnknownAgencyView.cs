using Tdkt.Pages;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Import;

/// <summary>A name the plan writes that no directory agency goes by, with the fixes offered in place: the agency it means (suggestions first), or a new agency.</summary>
[PageModel]
public sealed record UnknownAgencyView(int Index, string Written, string Tasks, IReadOnlyList<FilterOption> Choices, string NewId, bool Suggested);
