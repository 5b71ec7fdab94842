using System.CommandLine;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Reminders;

namespace Tdkt.Cli;

/// <summary><c>tdkt status [--json]</c>: the last sweep runs and the outbox by state, so an administrator sees that today's sweep ran.</summary>
public static class StatusCommand
{
    private const int Days = 14;

    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("status", $"Các lần quét nhắc việc và số thư theo trạng thái trong {Days} ngày gần nhất.") { json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var today = context.Get<VietnamClock>().Today;
            var runs = await context.Get<SweepRuns>().ListAsync(today.PlusDays(-Days), today, ct);
            var counts = await context.Get<OutboxStore>().CountByStatusAsync(today, Days, ct);
            var alarms = await context.Get<Tdkt.Operations.OperationalChecks>().RunAsync(ct);
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(new
                {
                    today = DueIndex.Key(today),
                    runs = runs.Select(r => new
                    {
                        date = DueIndex.Key(r.Date), r.Trigger, r.WorkingDay, startedAt = r.StartedAt.ToString(), endedAt = r.EndedAt.ToString(),
                        r.DigestsCreated, r.DigestsExisting, r.Notices, r.RowsRead, r.IndexRepaired, errors = r.Errors,
                    }),
                    outbox = counts.ToDictionary(c => c.Key.Name(), c => c.Value),
                    warnings = alarms.Select(a => new { code = a.Code, message = a.Message }),
                });
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"Hôm nay: {VietnamTime.Format(today)}.");
            foreach (var alarm in alarms)
            {
                await context.Out.WriteLineAsync($"Cảnh báo: {alarm.Message}");
            }
            if (runs.Count == 0)
            {
                await context.Out.WriteLineAsync($"Chưa có lần quét nào trong {Days} ngày qua.");
            }
            foreach (var run in runs)
            {
                var local = run.StartedAt.InZone(VietnamTime.Zone);
                var what = run.WorkingDay ? $"{run.DigestsCreated} thư mới, {run.DigestsExisting} đã có, {run.Notices} nhiệm vụ" : "ngày nghỉ";
                if (run.IndexRepaired > 0)
                {
                    what += $", sửa {run.IndexRepaired} dòng chỉ mục hạn lệch với nhiệm vụ";
                }
                var errors = run.Errors.Count == 0 ? "" : $"; {run.Errors.Count} lỗi: {run.Errors[0]}";
                await context.Out.WriteLineAsync($"- Quét ngày {VietnamTime.ShortDate(run.Date)} lúc {local.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture)} ({run.Trigger}): {what}{errors}");
            }
            await context.Out.WriteLineAsync("Thư: " + string.Join(", ", Enum.GetValues<OutboxStatus>().Select(s => $"{counts.GetValueOrDefault(s)} {s.Label()}")) + ".");
            // From October, next year's plan is being prepared: say whether its holidays are in the calendar yet.
            await context.Get<Tdkt.Calendar.CalendarStore>().RefreshAsync(ct);
            foreach (var year in new[] { today.Year, today.Year + 1 }.Where(y => y == today.Year || today.Month >= 10))
            {
                if (context.Get<Tdkt.Calendar.WorkingCalendar>().Describe(year).Source is Tdkt.Calendar.CalendarSource.Statutory or Tdkt.Calendar.CalendarSource.BuiltInPartial or Tdkt.Calendar.CalendarSource.StoredPartial)
                {
                    await context.Out.WriteLineAsync($"Lịch làm việc năm {year} chưa đủ ngày nghỉ đã công bố (tạm theo Bộ luật Lao động): cập nhật bằng tdkt calendar set {year} khi có thông báo.");
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
