using Tdkt.Agencies;
using Tdkt.Calendar;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;

namespace Tdkt.Web.Console.Import;

/// <summary>
/// The reminders a previewed plan will cause in its first three working weeks if activated today (or, already active,
/// as it stands): from today, or from the plan's first day when its year has not begun (next year's plan, loaded in
/// December), per day and agency, by the sweep's rules and the working calendar in force (<see cref="ReminderForecast"/>).
/// </summary>
public sealed class ConsoleImportForecast(ReminderForecast forecast, CalendarStore calendars, PlanStore plans, VietnamClock clock)
{
    /// <summary>Three working weeks.</summary>
    public const int WorkingDays = 15;

    /// <summary>Most agencies listed for one day; the rest are counted.</summary>
    public const int MaxRowsPerDay = 40;

    public async Task<IReadOnlyList<ForecastDayView>> BuildAsync(Plan plan, AgencyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(directory);
        await calendars.RefreshAsync(cancellationToken);
        var today = clock.Today;
        var stored = await plans.GetSummaryAsync(plan.Id, cancellationToken);
        var activatedOn = stored is { Status: PlanStatus.Active, ActivatedOn: { } on } ? on : today;
        IReadOnlyDictionary<string, IReadOnlyList<AgencyId>> done = stored is null
            ? new Dictionary<string, IReadOnlyList<AgencyId>>()
            : await plans.CompletedByAsync(plan.Id, cancellationToken);
        var start = new NodaTime.LocalDate(plan.Year, 1, 1);
        var days = forecast.For(plan, stored?.Reminders ?? PlanReminders.Default, activatedOn, today > start ? today : start, WorkingDays, done);
        return [.. days.Select(d => new ForecastDayView(VietnamTime.Format(d.Day),
            $"{d.Digests.Count} thư, {d.Digests.Sum(g => g.Total)} lượt nhắc nhiệm vụ",
            [.. d.Digests.OrderByDescending(g => g.Total).ThenBy(g => directory.Find(g.Agency)?.Name ?? g.Agency.Value, StringComparer.Ordinal).Take(MaxRowsPerDay)
                .Select(g => Row(g, directory))],
            d.Digests.Count > MaxRowsPerDay ? $"… và {d.Digests.Count - MaxRowsPerDay} cơ quan khác." : null))];
    }

    private static ForecastRowView Row(ForecastDigest digest, AgencyDirectory directory)
    {
        var agency = directory.Find(digest.Agency);
        int Count(params NoticeKind[] kinds) => kinds.Sum(k => digest.Counts.GetValueOrDefault(k));
        var items = new[]
        {
            (Count(NoticeKind.Overdue, NoticeKind.Escalation), "quá hạn"),
            (Count(NoticeKind.Due), "đến hạn"),
            (Count(NoticeKind.Upcoming), "sắp đến hạn"),
            (Count(NoticeKind.Kickoff), "cần thực hiện trong quý"),
        }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} nhiệm vụ {c.Item2}");
        var copied = Count(NoticeKind.Escalation) > 0 && agency?.Supervisor is { } s ? $" (đồng gửi {directory.Find(s)?.Name ?? s.Value})" : "";
        return new ForecastRowView(agency?.Name ?? digest.Agency.Value, string.Join(", ", items) + copied,
            agency is null ? "không có trong danh bạ: thư không được tạo"
            : agency.To.Count == 0 ? "chưa có địa chỉ nhận thư: thư không được tạo" : null);
    }
}
