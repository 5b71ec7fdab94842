using NodaTime;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Reminders;

namespace Tdkt.Operations;

/// <summary>
/// The conditions the Azure alerts watch (infra/modules/alerts.bicep), checked from storage so that a deployment
/// without Azure Monitor sees them too (<c>tdkt status</c>, the health route, <c>tdkt up</c>): no sweep has run to
/// the end today by 10:00 on a working day; digests that could not be sent; digests waiting more than two hours; a plan
/// whose last import was cut off.
/// </summary>
public sealed class OperationalChecks(SweepRuns runs, OutboxStore outbox, Reminders.ReminderRules rules, VietnamClock clock, TimeProvider time,
    Plans.PlanStore plans)
{
    public const string ImportIncomplete = "import-incomplete";

    public const string SweepMissing = "sweep-missing";
    public const string SweepFailed = "sweep-failed";
    public const string DigestsFailed = "digests-failed";
    public const string DigestsWaiting = "digests-waiting";

    /// <summary>The daily sweep runs at 08:00 in Vietnam: by 10:00 it has run, or something stops it.</summary>
    public static readonly LocalTime SweepDueBy = new(10, 0);

    public static readonly TimeSpan WaitingTooLong = TimeSpan.FromHours(2);

    /// <summary>How far back failed and waiting digests are looked for.</summary>
    public const int Days = 14;

    public async Task<IReadOnlyList<OperationalAlarm>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.ZonedNow;
        var today = now.Date;
        var alarms = new List<OperationalAlarm>();
        if (rules.Calendar.IsWorkingDay(today) && now.TimeOfDay >= SweepDueBy)
        {
            var todays = await runs.ListAsync(today, today, cancellationToken);
            if (todays.Count == 0)
            {
                alarms.Add(new(SweepMissing, $"Chưa quét nhắc việc hôm nay ({VietnamTime.Format(today)}): đến {now.TimeOfDay:HH':'mm} chưa có lần quét nào; "
                    + "kiểm tra hàm Sweep và lịch Tdkt:Sweep:Schedule (docs/operations.md)."));
            }
            else if (!todays.Any(r => r.Succeeded))
            {
                alarms.Add(new(SweepFailed, "Lần quét nhắc việc hôm nay có lỗi (tdkt status)", todays[^1].Errors[0]));
            }
        }
        var failed = await outbox.ListByStatusAsync(OutboxStatus.Failed, today, Days, cancellationToken);
        if (failed.Count > 0)
        {
            alarms.Add(new(DigestsFailed, $"{failed.Count} thư không gửi được trong {Days} ngày qua (tdkt outbox list --status failed)",
                failed[0].LastError is { } error ? $"lần gần nhất: {error}" : null));
        }
        var realNow = time.GetUtcNow();
        var waiting = (await outbox.ListByStatusAsync(OutboxStatus.Pending, today, Days, cancellationToken))
            .Concat(await outbox.ListByStatusAsync(OutboxStatus.Sending, today, Days, cancellationToken))
            .Where(e => realNow - e.CreatedAt.ToDateTimeOffset() > WaitingTooLong)
            .ToList();
        if (waiting.Count > 0)
        {
            alarms.Add(new(DigestsWaiting, $"{waiting.Count} thư chờ gửi quá 2 giờ (kiểm tra hàm Dispatch và cấu hình gửi thư)",
                waiting.Select(w => w.LastError).FirstOrDefault(e => e is not null) is { } cause ? $"lỗi gần nhất: {cause}" : null));
        }
        // A plan whose import was cut off (the process killed, storage lost) is not reminded and its pages are empty until
        // the import is run again: said here, not only in plan list.
        foreach (var plan in (await plans.ListAsync(cancellationToken)).Where(p => p.Status != Plans.PlanStatus.Archived && p.ImportAbandoned(realNow)))
        {
            alarms.Add(new(ImportIncomplete, $"Kế hoạch {(plan.Number.Length > 0 ? "số " + plan.Number : plan.Id.Value)}: lần nhập gần nhất chưa xong nên kế hoạch "
                + "chưa được nhắc việc, trang cơ quan và lịch của kế hoạch trống; nhập lại tệp kế hoạch (trang Nhập kế hoạch, hoặc tdkt plan import TỆP)"));
        }
        return alarms;
    }
}
