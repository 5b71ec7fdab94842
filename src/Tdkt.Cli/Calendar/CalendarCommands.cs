using System.CommandLine;
using NodaTime;
using Tdkt.Calendar;
using Tdkt.Clock;

namespace Tdkt.Cli.Calendar;

/// <summary>
/// <c>tdkt calendar show|set|reset YEAR</c>: the working calendar a year's reminders count with, and the announced days
/// off and worked Saturdays an administrator adds without a redeploy (stored; the next sweep of every host uses them).
/// </summary>
public static class CalendarCommands
{
    public static Command Create(CliHost host)
    {
        var command = new Command("calendar", "Lịch làm việc dùng để tính hạn và ngày nhắc: xem, cập nhật theo thông báo nghỉ lễ, Tết của năm.")
        {
            Show(host),
            Set(host),
            Reset(host),
        };
        return command;
    }

    private static Argument<int> YearArgument() => new("year") { Description = "Năm, ví dụ 2027." };

    private static Command Show(CliHost host)
    {
        var year = YearArgument();
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("show", "Xem ngày nghỉ, ngày làm bù và số ngày làm việc của một năm, và lịch đó lấy từ đâu.") { year, json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var stored = await context.Get<CalendarStore>().ListAsync(ct);
            var calendar = context.Get<WorkingCalendar>();
            calendar.Announce(stored.Select(s => s.Days));
            var y = parse.GetValue(year);
            if (y is < CalendarAnnouncement.FirstYear or > CalendarAnnouncement.LastYear)
            {
                return await context.FailAsync($"năm {y} không hợp lệ (từ {CalendarAnnouncement.FirstYear} đến {CalendarAnnouncement.LastYear})", ExitCodes.BadInput);
            }
            var (source, days) = calendar.Describe(y);
            var record = stored.FirstOrDefault(s => s.Days.Year == y);
            var working = CalendarText.WorkingDays(calendar, y);
            var warnings = calendar.Warnings.Where(w => w.Contains($"năm {y}", StringComparison.Ordinal)).ToList();
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new
                {
                    year = y,
                    source = CalendarText.SourceName(source),
                    off = CalendarDates.Items(days.Off),
                    worked = CalendarDates.Items(days.Worked),
                    workingDays = working,
                    note = record?.Note,
                    updatedAt = record?.UpdatedAt,
                    updatedBy = record?.UpdatedBy,
                    warnings,
                });
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"Lịch làm việc năm {y}: {CalendarText.Describe(source, y)}.");
            if (record is not null)
            {
                var at = record.UpdatedAt is { } t ? Instant.FromDateTimeOffset(t).InZone(VietnamTime.Zone).ToString("dd'/'MM'/'yyyy HH':'mm", System.Globalization.CultureInfo.InvariantCulture) : "?";
                await context.Out.WriteLineAsync($"Cập nhật lúc {at} bởi {record.UpdatedBy ?? "?"}{(record.Note is { Length: > 0 } note ? $"; căn cứ: {note}" : "")}.");
            }
            await context.Out.WriteLineAsync("Ngày nghỉ:");
            foreach (var line in CalendarText.Lines(days.Off))
            {
                await context.Out.WriteLineAsync(line);
            }
            await context.Out.WriteLineAsync(days.Worked.Count == 0 ? "Ngày làm bù: không có." : "Ngày làm bù:");
            foreach (var line in CalendarText.Lines(days.Worked))
            {
                await context.Out.WriteLineAsync(line);
            }
            await context.Out.WriteLineAsync($"Số ngày làm việc trong năm: {working}.");
            foreach (var warning in warnings)
            {
                await context.Error.WriteLineAsync($"Lưu ý: {warning}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Set(CliHost host)
    {
        var year = YearArgument();
        var off = new Option<string[]>("--off")
        {
            Description = "Ngày nghỉ lễ, Tết đã công bố: yyyy-MM-dd hoặc khoảng yyyy-MM-dd..yyyy-MM-dd (tính cả hai đầu); lặp lại hoặc ngăn bằng dấu phẩy.",
            AllowMultipleArgumentsPerToken = true,
        };
        var worked = new Option<string[]>("--worked")
        {
            Description = "Thứ Bảy, Chủ nhật phải đi làm bù: yyyy-MM-dd; lặp lại hoặc ngăn bằng dấu phẩy.",
            AllowMultipleArgumentsPerToken = true,
        };
        var partial = new Option<bool>("--partial") { Description = "Mới công bố một phần: các ngày lễ theo luật không ghi ở đây vẫn được nghỉ." };
        var note = new Option<string?>("--note") { Description = "Căn cứ, ví dụ số thông báo của Bộ Nội vụ." };
        var command = new Command("set", "Ghi lịch nghỉ lễ, Tết đã công bố của một năm (thay cho lịch có sẵn của năm đó); áp dụng từ lần quét nhắc việc tiếp theo.")
        {
            year, off, worked, partial, note,
        };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var y = parse.GetValue(year);
            var announcement = CalendarAnnouncement.Check(y, parse.GetValue(off) ?? [], parse.GetValue(worked) ?? [], parse.GetValue(partial));
            if (announcement.Errors.Count > 0)
            {
                foreach (var error in announcement.Errors)
                {
                    await context.Error.WriteLineAsync($"tdkt: {error}");
                }
                return await context.FailAsync($"lịch năm {y} không được ghi ({announcement.Errors.Count} lỗi); không có gì thay đổi", ExitCodes.BadInput);
            }
            var store = context.Get<CalendarStore>();
            var calendar = context.Get<WorkingCalendar>();
            await store.RefreshAsync(ct);
            var before = CalendarText.WorkingDays(calendar, y);
            await store.SetAsync(announcement.Days, Environment.UserName, parse.GetValue(note), ct);
            foreach (var warning in announcement.Warnings)
            {
                await context.Error.WriteLineAsync($"Lưu ý: {warning}");
            }
            var after = CalendarText.WorkingDays(calendar, y);
            await context.Out.WriteLineAsync($"Đã ghi lịch năm {y}: {announcement.Days.Off.Count} ngày nghỉ, {announcement.Days.Worked.Count} ngày làm bù; "
                + $"số ngày làm việc {before} → {after}. Áp dụng từ lần quét nhắc việc tiếp theo (tdkt calendar show {y} để xem).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Reset(CliHost host)
    {
        var year = YearArgument();
        var command = new Command("reset", "Bỏ lịch đã ghi bằng tdkt calendar set cho một năm: dùng lại lịch có sẵn (hoặc ngày lễ theo luật).") { year };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var y = parse.GetValue(year);
            if (!await context.Get<CalendarStore>().ResetAsync(y, Environment.UserName, ct))
            {
                return await context.FailAsync($"năm {y} chưa có lịch nào được ghi bằng tdkt calendar set; không có gì thay đổi", ExitCodes.BadInput);
            }
            var (source, _) = context.Get<WorkingCalendar>().Describe(y);
            await context.Out.WriteLineAsync($"Đã bỏ lịch đã ghi của năm {y}; từ lần quét tiếp theo dùng {CalendarText.Describe(source, y)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
