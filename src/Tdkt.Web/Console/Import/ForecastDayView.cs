using Tdkt.Pages;

namespace Tdkt.Web.Console.Import;

/// <summary>One working day of the forecast: its date and the digests that day.</summary>
[PageModel]
public sealed record ForecastDayView(string Day, string Summary, IReadOnlyList<ForecastRowView> Rows, string? More);
