using NodaTime;
using Tdkt.Calendar;
using Tdkt.Plans;

namespace Tdkt.Reports.Official;

/// <summary>A reporting period: a month, a quarter, a half or a whole year, from <see cref="Start"/> to <see cref="End"/> (both included).</summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, LocalDate Start, LocalDate End)
{
    /// <summary>
    /// A report made within this many days after a period ends is that period's report (made once the period is over,
    /// as the periodic send does on the first working day after it); later, it reports the period it is made in.
    /// </summary>
    public const int ClosingDays = 15;

    /// <summary>The period a report of <paramref name="kind"/> made on <paramref name="asOf"/> covers (<see cref="ClosingDays"/>).</summary>
    public static ReportPeriod For(ReportPeriodKind kind, LocalDate asOf)
    {
        var current = Containing(kind, asOf);
        return asOf.PlusDays(-ClosingDays) < current.Start ? current.Previous : current;
    }

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    public static ReportPeriod Containing(ReportPeriodKind kind, LocalDate date)
    {
        var months = MonthsOf(kind);
        var start = new LocalDate(date.Year, (date.Month - 1) / months * months + 1, 1);
        return new ReportPeriod(kind, start, start.PlusMonths(months).PlusDays(-1));
    }

    public ReportPeriod Previous => Containing(Kind, Start.PlusDays(-1));

    public ReportPeriod Next => Containing(Kind, End.PlusDays(1));

    /// <summary>The first working day after the period: when the periodic report is sent.</summary>
    public LocalDate SendDay(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = End.PlusDays(1);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.PlusDays(1);
        }
        return day;
    }

    /// <summary>"tháng 3 năm 2023", "quý I năm 2023", "6 tháng đầu năm 2023", "năm 2023": as a report's title says it.</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Month => $"tháng {Start.Month} năm {Start.Year}",
        ReportPeriodKind.Quarter => $"quý {Quarters.Roman((Start.Month + 2) / 3)} năm {Start.Year}",
        ReportPeriodKind.Half => $"6 tháng {(Start.Month == 1 ? "đầu" : "cuối")} năm {Start.Year}",
        _ => $"năm {Start.Year}",
    };

    /// <summary>"2023-q1", "2023-03", "2023-h1", "2023": a period as keys and file names carry it.</summary>
    public string Slug => Kind switch
    {
        ReportPeriodKind.Month => $"{Start.Year}-{Start.Month:D2}",
        ReportPeriodKind.Quarter => $"{Start.Year}-q{(Start.Month + 2) / 3}",
        ReportPeriodKind.Half => $"{Start.Year}-h{(Start.Month == 1 ? 1 : 2)}",
        _ => $"{Start.Year}",
    };

    /// <summary>The kind a name gives ("month", "quarter", "half", "year", or their Vietnamese "thang", "quy", …), or null.</summary>
    public static ReportPeriodKind? ParseKind(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "month" or "monthly" or "thang" or "tháng" => ReportPeriodKind.Month,
        "quarter" or "quarterly" or "quy" or "quý" => ReportPeriodKind.Quarter,
        "half" or "half-year" or "6-thang" => ReportPeriodKind.Half,
        "year" or "yearly" or "nam" or "năm" => ReportPeriodKind.Year,
        _ => null,
    };

    public static string Name(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Month => "month",
        ReportPeriodKind.Quarter => "quarter",
        ReportPeriodKind.Half => "half",
        _ => "year",
    };

    private static int MonthsOf(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Month => 1,
        ReportPeriodKind.Quarter => 3,
        ReportPeriodKind.Half => 6,
        _ => 12,
    };
}
