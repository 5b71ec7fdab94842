using Tdkt.Administration;
using Tdkt.Calendar;
using Tdkt.Clock;

namespace Tdkt.Web.Console.Calendar;

/// <summary>
/// Lịch: a year's working calendar (where it comes from, the days off, the worked Saturdays, the working days), and
/// the announced days edited by an administrator, checked as <c>tdkt calendar set</c> checks them and stored with who and why.
/// </summary>
public sealed class ConsoleCalendarPage(CalendarStore store, WorkingCalendar calendar, AdminUsers users)
{
    public static class Actions
    {
        public const string Set = "calendar-set";
        public const string Reset = "calendar-reset";
    }

    public async Task<CalendarPageView> BuildAsync(int year, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        calendar.Announce(stored.Select(s => s.Days));
        var (source, days) = calendar.Describe(year);
        var record = stored.FirstOrDefault(s => s.Days.Year == year);
        return new CalendarPageView(year, CalendarText.Describe(source, year),
            record is null ? null : $"Cập nhật lúc {(record.UpdatedAt is { } at ? VietnamTime.Moment(NodaTime.Instant.FromDateTimeOffset(at)) : "?")} bởi {record.UpdatedBy ?? "?"}"
                + (record.Note is { Length: > 0 } note ? $"; căn cứ: {note}" : ""),
            [.. CalendarText.Lines(days.Off)], [.. CalendarText.Lines(days.Worked)], CalendarText.WorkingDays(calendar, year),
            [.. calendar.Warnings.Where(w => w.Contains($"năm {year}", StringComparison.Ordinal))],
            string.Join("\n", CalendarDates.Items(days.Off)), string.Join("\n", CalendarDates.Items(days.Worked)), days.Partial, record?.Note ?? "", [],
            year - 1, year + 1);
    }

    /// <summary>Stores the announced days of a year; on an error, nothing changes and the page shows each error with what was typed.</summary>
    public async Task<(bool Saved, string Message, CalendarPageView View)> SetAsync(int year, string off, string worked, bool partial, string? note, string by,
        CancellationToken cancellationToken)
    {
        var announcement = CalendarAnnouncement.Check(year, Items(off), Items(worked), partial, "Ngày nghỉ:", "Ngày làm bù:");
        if (announcement.Errors.Count > 0)
        {
            var again = await BuildAsync(year, cancellationToken) with { OffItems = off, WorkedItems = worked, Partial = partial, Note = note ?? "", Errors = announcement.Errors };
            return (false, $"Lịch năm {year} chưa được ghi ({announcement.Errors.Count} lỗi): không có gì thay đổi.", again);
        }
        await store.RefreshAsync(cancellationToken);
        var before = CalendarText.WorkingDays(calendar, year);
        await store.SetAsync(announcement.Days, by, note, cancellationToken);
        var after = CalendarText.WorkingDays(calendar, year);
        await users.AuditAsync(by, Actions.Set, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{announcement.Days.Off.Count} ngày nghỉ, {announcement.Days.Worked.Count} ngày làm bù", cancellationToken);
        var warned = announcement.Warnings.Count > 0 ? " Lưu ý: " + string.Join(" ", announcement.Warnings) : "";
        return (true, $"Đã ghi lịch năm {year}: {announcement.Days.Off.Count} ngày nghỉ, {announcement.Days.Worked.Count} ngày làm bù; số ngày làm việc {before} → {after}. "
            + "Áp dụng từ lần quét nhắc việc tiếp theo." + warned, await BuildAsync(year, cancellationToken));
    }

    /// <summary>Removes the year's recorded announcement (kept in the history): the built-in calendar, or the statutory rules, apply again.</summary>
    public async Task<(bool Reset, string Message)> ResetAsync(int year, string by, CancellationToken cancellationToken)
    {
        await store.RefreshAsync(cancellationToken);
        var before = CalendarText.WorkingDays(calendar, year);
        if (!await store.ResetAsync(year, by, cancellationToken))
        {
            return (false, $"Năm {year} chưa có lịch nào được ghi: không có gì thay đổi.");
        }
        await users.AuditAsync(by, Actions.Reset, year.ToString(System.Globalization.CultureInfo.InvariantCulture), "", cancellationToken);
        var (source, _) = calendar.Describe(year);
        return (true, $"Đã bỏ lịch đã ghi của năm {year}: nay theo {CalendarText.Describe(source, year)}; số ngày làm việc {before} → {CalendarText.WorkingDays(calendar, year)}. "
            + "Áp dụng từ lần quét nhắc việc tiếp theo.");
    }

    private static string[] Items(string text) => text.Split(['\n', '\r', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
