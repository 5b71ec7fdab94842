using Tdkt.Pages;

namespace Tdkt.Web.Console.Calendar;

/// <summary>A year's working calendar as the console shows it, with the announced days as the form edits them.</summary>
[PageModel]
public sealed record CalendarPageView(int Year, string Source, string? Updated, IReadOnlyList<string> Off, IReadOnlyList<string> Worked, int WorkingDays,
    IReadOnlyList<string> Warnings, string OffItems, string WorkedItems, bool Partial, string Note, IReadOnlyList<string> Errors, int Previous, int Next);
