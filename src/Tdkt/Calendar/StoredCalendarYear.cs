
namespace Tdkt.Calendar;

/// <summary>An announced year as stored, with who stored it and when.</summary>
public sealed record StoredCalendarYear(CalendarYear Days, string? Note, DateTimeOffset? UpdatedAt, string? UpdatedBy);
