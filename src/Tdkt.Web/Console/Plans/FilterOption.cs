using Tdkt.Pages;

namespace Tdkt.Web.Console.Plans;

[PageModel]
public sealed record FilterOption(string Value, string Label, bool Selected);
