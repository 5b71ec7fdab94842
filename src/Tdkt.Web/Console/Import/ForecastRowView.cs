using Tdkt.Pages;

namespace Tdkt.Web.Console.Import;

/// <summary>One agency's digest in the forecast: who, and what it will be told.</summary>
[PageModel]
public sealed record ForecastRowView(string Agency, string Items, string? Problem);
