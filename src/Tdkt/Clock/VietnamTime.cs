using NodaTime;

namespace Tdkt.Clock;

/// <summary>
/// Every date the product reasons about is a local date in Vietnam (UTC+7, no DST): the zone, and how dates read in
/// the product's Vietnamese text (the one dd/MM/yyyy formatter). Today's date comes from <see cref="VietnamClock"/>.
/// </summary>
public static class VietnamTime
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>"Thứ Sáu, 31/03/2023": how a date reads in the product's Vietnamese text.</summary>
    public static string Format(LocalDate date) => $"{Weekday(date.DayOfWeek)}, {ShortDate(date)}";

    /// <summary>"09:15 ngày 24/03/2023": an instant as it reads in Vietnam.</summary>
    public static string Moment(Instant at)
    {
        var local = at.InZone(Zone);
        return $"{TimePattern.Format(local.TimeOfDay)} ngày {ShortDate(local.Date)}";
    }

    private static readonly NodaTime.Text.LocalTimePattern TimePattern = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>"31/03/2023", whatever the machine's culture.</summary>
    public static string ShortDate(LocalDate date) => ShortDatePattern.Format(date);

    /// <summary>A date as administrators type it: yyyy-MM-dd, or d/M/yyyy as Vietnamese documents write it; null when neither.</summary>
    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var iso = NodaTime.Text.LocalDatePattern.Iso.Parse(text.Trim());
        var written = iso.Success ? iso : WrittenDatePattern.Parse(text.Trim());
        return written.Success ? written.Value : null;
    }

    private static readonly NodaTime.Text.LocalDatePattern WrittenDatePattern = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("d/M/uuuu");

    private static readonly NodaTime.Text.LocalDatePattern ShortDatePattern = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("dd'/'MM'/'yyyy");

    public static string Weekday(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Thứ Hai",
        IsoDayOfWeek.Tuesday => "Thứ Ba",
        IsoDayOfWeek.Wednesday => "Thứ Tư",
        IsoDayOfWeek.Thursday => "Thứ Năm",
        IsoDayOfWeek.Friday => "Thứ Sáu",
        IsoDayOfWeek.Saturday => "Thứ Bảy",
        IsoDayOfWeek.Sunday => "Chủ nhật",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };
}
