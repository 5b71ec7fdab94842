using NodaTime;
using Tdkt.Agencies;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>What a sweep reads before it decides anything: the day, the working days it covers, the reminded plans and the open assignments that may speak.</summary>
public sealed record SweepInput(
    LocalDate Date,
    ValueList<LocalDate> Window,
    IReadOnlyDictionary<string, PlanSummary> Reminded,
    IReadOnlyCollection<DueEntry> Candidates,
    AgencyDirectory Directory,
    int RowsRead);

/// <summary>
/// The sweep's decisions, pure: from the rows the index returned, which agency hears about which task today, one
/// digest per agency, most urgent first, escalations copying the supervisor; and which agencies cannot be written to.
/// </summary>
public sealed class SweepPlanner(ReminderRules rules)
{
    public (ValueList<Digest> Digests, ValueList<string> Errors) Plan(SweepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notices = new List<(string Agency, Notice Notice)>();
        foreach (var entry in input.Candidates)
        {
            var plan = input.Reminded[entry.Plan];
            var policy = plan.Reminders.For(entry.TaskKey);
            var kind = entry.Ongoing
                ? rules.OngoingNotice(input.Window, policy, plan.Year, plan.ActivatedOn)
                : rules.Notice(input.Window, policy, entry.Due, rules.KickoffDay(plan.Year, entry.Quarter, plan.ActivatedOn), input.Date);
            if (kind is not null)
            {
                notices.Add((entry.Agency, new Notice(entry.Plan, entry.TaskKey, entry.TaskNumber, kind.Value, entry.Due, rules.WorkingDaysLeft(input.Date, entry.Due))));
            }
        }

        var errors = new List<string>();
        var digests = new List<Digest>();
        foreach (var group in notices.GroupBy(n => n.Agency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var agency = input.Directory.Find(new AgencyId(group.Key));
            if (agency is null || agency.To.Count == 0)
            {
                errors.Add(agency is null
                    ? $"Cơ quan “{group.Key}” có {group.Count()} nhiệm vụ cần nhắc nhưng không có trong danh bạ: chưa tạo thư. Bổ sung danh bạ (tdkt agencies import) rồi chạy lại."
                    : $"Cơ quan “{agency.Name}” ({group.Key}) chưa có địa chỉ nhận thư (to): chưa tạo thư. Bổ sung danh bạ rồi chạy lại.");
                continue;
            }
            var items = group.Select(n => n.Notice)
                .OrderByDescending(n => n.Kind).ThenBy(n => n.Due).ThenBy(n => n.Plan, StringComparer.Ordinal).ThenBy(n => n.TaskKey, StringComparer.Ordinal)
                .ToValueList();
            var cc = agency.Cc.ToList();
            if (items.Any(n => n.Kind == NoticeKind.Escalation) && agency.Supervisor is { } s && input.Directory.Find(s) is { } supervisor)
            {
                cc.AddRange(supervisor.To);
            }
            digests.Add(new Digest(new DigestKey(input.Date, DigestKind.Daily, group.Key), agency.Name, agency.To,
                cc.Except(agency.To, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToValueList(), items));
        }
        return (digests.ToValueList(), errors.ToValueList());
    }

    /// <summary>Whether the weekly summaries go out in this window: it holds the first working day of the date's week.</summary>
    public bool SummariesDue(SweepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Window.Contains(rules.Calendar.OnOrAfter(input.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))));
    }
}
