using NodaTime;
using Tdkt.Clock;

namespace Tdkt.Calendar;

/// <summary>How a year's working calendar reads, for the command line and the console alike.</summary>
public static class CalendarText
{
    public static int WorkingDays(WorkingCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(new LocalDate(year - 1, 12, 31), new LocalDate(year, 12, 31));
    }

    /// <summary>"- Thứ Hai, 02/09/2024" or "- Thứ Hai, 29/04/2024 đến Thứ Tư, 01/05/2024 (3 ngày)", one line per run of days.</summary>
    public static IEnumerable<string> Lines(IEnumerable<LocalDate> days) =>
        CalendarDates.Runs(days).Select(r => r.First == r.Last
            ? $"- {VietnamTime.Format(r.First)}"
            : $"- {VietnamTime.Format(r.First)} đến {VietnamTime.Format(r.Last)} ({Period.DaysBetween(r.First, r.Last) + 1} ngày)");

    public static string SourceName(CalendarSource source) => source switch
    {
        CalendarSource.Stored => "stored",
        CalendarSource.StoredPartial => "stored-partial",
        CalendarSource.BuiltIn => "built-in",
        CalendarSource.BuiltInPartial => "built-in-partial",
        _ => "statutory",
    };

    public static string Describe(CalendarSource source, int year) => source switch
    {
        CalendarSource.Stored => "theo thông báo đã ghi bằng tdkt calendar set",
        CalendarSource.StoredPartial => "theo thông báo đã ghi (một phần), các ngày lễ còn lại theo Bộ luật Lao động 2019",
        CalendarSource.BuiltIn => "theo lịch có sẵn trong phần mềm",
        CalendarSource.BuiltInPartial => "theo lịch có sẵn (một phần), các ngày lễ còn lại theo Bộ luật Lao động 2019",
        _ => $"theo ngày lễ của Bộ luật Lao động 2019 (chưa có thông báo nghỉ lễ, Tết năm {year}; ghi bằng tdkt calendar set {year} khi có)",
    };
}
