using NodaTime;
using Tdkt.Calendar;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// The reminder policy applied to dates (docs/reminders.md). A deadline on a day off is reminded on the
/// working day before it; overdue is counted in working days after the real deadline. Pure: no storage,
/// no clock, so every rule is tested day by day.
/// </summary>
public sealed class ReminderRules(WorkingCalendar calendar)
{
    public WorkingCalendar Calendar => calendar;

    /// <summary>The notice a still-open assignment triggers on <paramref name="day"/>, if any. Nothing on a day off.</summary>
    public NoticeKind? Trigger(LocalDate day, ReminderPolicy policy, LocalDate due, LocalDate? kickoffDay)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!calendar.IsWorkingDay(day))
        {
            return null;
        }
        if (day > due)
        {
            var overdue = calendar.WorkingDaysBetween(due, day);
            if (IsEscalating(policy, overdue))
            {
                if ((overdue - policy.EscalateAfter) % policy.OverdueEvery == 0)
                {
                    return NoticeKind.Escalation;
                }
            }
            else if ((overdue - 1) % policy.OverdueEvery == 0)
            {
                return NoticeKind.Overdue;
            }
            return day == kickoffDay && policy.Kickoff ? NoticeKind.Kickoff : null;
        }
        var remindOn = calendar.OnOrBefore(due);
        if (day == remindOn)
        {
            return policy.DueDay ? NoticeKind.Due : null;
        }
        if (policy.BeforeDue.Contains(calendar.WorkingDaysBetween(day, remindOn)))
        {
            return NoticeKind.Upcoming;
        }
        return day == kickoffDay && policy.Kickoff ? NoticeKind.Kickoff : null;
    }

    /// <summary>
    /// What an assignment that triggered on one or more days of <paramref name="window"/> is told on
    /// <paramref name="today"/> (the window's last day): its state today, not the missed notices one by one.
    /// </summary>
    public NoticeKind? Notice(IReadOnlyList<LocalDate> window, ReminderPolicy policy, LocalDate due, LocalDate? kickoffDay, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(window);
        NoticeKind? strongest = null;
        foreach (var day in window)
        {
            if (Trigger(day, policy, due, kickoffDay) is { } kind && (strongest is null || kind > strongest))
            {
                strongest = kind;
            }
        }
        if (strongest is null)
        {
            return null;
        }
        if (today > due)
        {
            return IsEscalating(policy, calendar.WorkingDaysBetween(due, today)) ? NoticeKind.Escalation : NoticeKind.Overdue;
        }
        if (today == calendar.OnOrBefore(due))
        {
            return NoticeKind.Due;
        }
        return strongest >= NoticeKind.Upcoming ? NoticeKind.Upcoming : NoticeKind.Kickoff;
    }

    /// <summary>Working days left until the deadline (positive) or overdue (negative) on <paramref name="today"/>.</summary>
    public int WorkingDaysLeft(LocalDate today, LocalDate due) =>
        today > due ? -calendar.WorkingDaysBetween(due, today) : calendar.WorkingDaysBetween(today, calendar.OnOrBefore(due));

    /// <summary>
    /// Every due date that can trigger a notice (other than kickoff) on some day of <paramref name="window"/>,
    /// no earlier than <paramref name="earliestDue"/>: the buckets the sweep reads.
    /// </summary>
    public IReadOnlySet<LocalDate> DueDates(IReadOnlyList<LocalDate> window, ReminderPolicy policy, LocalDate earliestDue)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(policy);
        var dates = new HashSet<LocalDate>();
        foreach (var day in window.Where(calendar.IsWorkingDay))
        {
            if (policy.DueDay)
            {
                AddRemindedOn(day);
            }
            foreach (var before in policy.BeforeDue)
            {
                AddRemindedOn(calendar.AddWorkingDays(day, before));
            }
            // Overdue by n working days: due in [n-th working day back, (n-1)-th working day back).
            var upper = day;
            var lower = calendar.PreviousWorkingDay(day);
            for (var n = 1; upper > earliestDue; n++)
            {
                var notice = IsEscalating(policy, n)
                    ? (n - policy.EscalateAfter) % policy.OverdueEvery == 0
                    : (n - 1) % policy.OverdueEvery == 0;
                if (notice)
                {
                    for (var d = lower; d < upper; d = d.PlusDays(1))
                    {
                        if (d >= earliestDue)
                        {
                            dates.Add(d);
                        }
                    }
                }
                upper = lower;
                lower = calendar.PreviousWorkingDay(lower);
            }
        }
        return dates;

        // Due dates reminded on working day r: r itself and the days off right after it.
        void AddRemindedOn(LocalDate r)
        {
            var next = calendar.NextWorkingDay(r);
            for (var d = r; d < next; d = d.PlusDays(1))
            {
                dates.Add(d);
            }
        }
    }

    /// <summary>
    /// The day a quarter's tasks are announced: its first working day, or, for a plan activated after that,
    /// the first working day after activation (which then also brings the state of earlier quarters' open tasks).
    /// </summary>
    public LocalDate KickoffDay(int year, int quarter, LocalDate? activatedOn)
    {
        var first = calendar.OnOrAfter(new LocalDate(year, Math.Clamp(quarter, 1, 4) * 3 - 2, 1));
        return activatedOn is { } on && on >= first ? calendar.NextWorkingDay(on) : first;
    }

    /// <summary>
    /// What an open ongoing task ("Thường xuyên", no due date) is told in <paramref name="window"/>: it is listed in every
    /// quarter's kickoff, and is never upcoming, due or overdue.
    /// </summary>
    public NoticeKind? OngoingNotice(IReadOnlyList<LocalDate> window, ReminderPolicy policy, int year, LocalDate? activatedOn)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Kickoff && Enumerable.Range(1, 4).Any(q => window.Contains(KickoffDay(year, q, activatedOn))) ? NoticeKind.Kickoff : null;
    }

    private static bool IsEscalating(ReminderPolicy policy, int overdue) => policy.EscalateAfter > 0 && overdue >= policy.EscalateAfter;
}
