using NodaTime;

namespace Tdkt.Calendar;

/// <summary>One year's days off (holidays and breaks) and worked weekend days.</summary>
public sealed record CalendarYear(int Year, IReadOnlySet<LocalDate> Off, IReadOnlySet<LocalDate> Worked, bool Partial = false);
