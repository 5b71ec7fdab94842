using NodaTime;

namespace Tdkt.Plans;

/// <summary>
/// The days a plan's duties fall in: a calendar year, or a school year from September to its close (May). A period
/// (month, quarter, half) that overlaps it has an occurrence, even when its due date falls just after it.
/// </summary>
public sealed record PlanPeriod(LocalDate Start, LocalDate End)
{
    public static PlanPeriod CalendarYear(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    /// <summary>The year a day and month without a year mean: in a school year, September to December are its first year's.</summary>
    public int YearOf(int month) => Start.Year == End.Year || month >= Start.Month ? Start.Year : End.Year;

    public bool Overlaps(LocalDate from, LocalDate to) => from <= End && to >= Start;
}
