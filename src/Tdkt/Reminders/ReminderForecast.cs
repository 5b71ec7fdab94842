using NodaTime;
using Tdkt.Agencies;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// The reminders a plan will cause in its first weeks if nothing is completed meanwhile: each working day, which agency
/// gets a digest and about how many tasks, by the same rules as the sweep (<see cref="ReminderRules.Trigger"/> for each
/// day, <see cref="ReminderRules.OngoingNotice"/> for ongoing tasks). Pure: what an administrator checks before activating.
/// </summary>
public sealed class ReminderForecast(ReminderRules rules)
{
    /// <summary>From <paramref name="from"/> for <paramref name="workingDays"/> working days (within the plan's year); <paramref name="done"/>: assignments already completed (task key → agencies), which hear nothing.</summary>
    public IReadOnlyList<ForecastDay> For(Plan plan, PlanReminders reminders, LocalDate activatedOn, LocalDate from, int workingDays,
        IReadOnlyDictionary<string, IReadOnlyList<AgencyId>> done)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(done);
        var days = new List<ForecastDay>();
        var day = rules.Calendar.OnOrAfter(from);
        for (var n = 0; n < workingDays && day.Year <= plan.Year; n++, day = rules.Calendar.NextWorkingDay(day))
        {
            var counts = new Dictionary<AgencyId, Dictionary<NoticeKind, int>>();
            var kickedOff = new HashSet<(AgencyId, string)>();
            foreach (var task in plan.Tasks)
            {
                var policy = reminders.For(task.Key);
                var kind = task.Deadline.IsOngoing
                    ? rules.OngoingNotice([day], policy, plan.Year, activatedOn)
                    : rules.Trigger(day, policy, task.Deadline.Due, rules.KickoffDay(plan.Year, task.Quarter, activatedOn));
                if (kind is not { } k)
                {
                    continue;
                }
                var finished = done.GetValueOrDefault(task.Key) ?? [];
                foreach (var agency in task.Agencies.Where(a => !finished.Contains(a)))
                {
                    // As the sweep does: a kickoff names a recurring duty once, by its next open occurrence (tasks are in order).
                    if (k == NoticeKind.Kickoff && task.Series is { } series && !kickedOff.Add((agency, series.Key)))
                    {
                        continue;
                    }
                    var byKind = counts.TryGetValue(agency, out var c) ? c : counts[agency] = [];
                    byKind[k] = byKind.GetValueOrDefault(k) + 1;
                }
            }
            if (counts.Count > 0)
            {
                days.Add(new ForecastDay(day, [.. counts.OrderBy(c => c.Key.Value, StringComparer.Ordinal).Select(c => new ForecastDigest(c.Key, c.Value))]));
            }
        }
        return days;
    }
}
