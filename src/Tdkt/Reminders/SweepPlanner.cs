using NodaTime;
using Tdkt.Agencies;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

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
        var firstOfSeries = new Dictionary<(string Agency, string Plan, string Series), Notice>();
        foreach (var entry in input.Candidates)
        {
            var plan = input.Reminded[entry.Plan];
            var policy = plan.Reminders.For(entry.TaskKey);
            var kind = entry.Ongoing
                ? rules.OngoingNotice(input.Window, policy, plan.Year, plan.ActivatedOn)
                : rules.Notice(input.Window, policy, entry.Due, rules.KickoffDay(plan.Year, entry.Quarter, plan.ActivatedOn), input.Date);
            if (kind is null)
            {
                continue;
            }
            var notice = new Notice(entry.Plan, entry.TaskKey, entry.TaskNumber, kind.Value, entry.Due, rules.WorkingDaysLeft(input.Date, entry.Due));
            if (kind == NoticeKind.Kickoff && TaskSeries.SeriesNumberOf(entry.TaskNumber) is { } series)
            {
                // A quarter's kickoff names a recurring duty once, by its next occurrence; each one is reminded when it comes due.
                var key = (entry.Agency, entry.Plan, series);
                if (!firstOfSeries.TryGetValue(key, out var first) || notice.Due < first.Due)
                {
                    firstOfSeries[key] = notice;
                }
                continue;
            }
            notices.Add((entry.Agency, notice));
        }
        notices.AddRange(firstOfSeries.Select(f => (f.Key.Agency, f.Value)));

        var errors = new List<string>();
        var digests = new List<Digest>();
        var notes = input.Extensions.Where(n => input.Reminded.ContainsKey(n.Plan)).ToLookup(n => n.Recipient, StringComparer.Ordinal);
        var byAgency = notices.ToLookup(n => n.Agency, StringComparer.Ordinal);
        foreach (var recipient in byAgency.Select(g => g.Key).Union(notes.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var group = byAgency[recipient];
            var agency = input.Directory.Find(new AgencyId(recipient));
            if (agency is null || agency.To.Count == 0)
            {
                var extensions = notes[recipient].Count();
                var what = string.Join(" và ", new[] { (group.Count(), "nhiệm vụ cần nhắc"), (extensions, "nội dung về đề nghị gia hạn") }
                    .Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}"));
                errors.Add(agency is null
                    ? $"Cơ quan “{recipient}” có {what} nhưng không có trong danh bạ: chưa tạo thư. Bổ sung danh bạ (tdkt agencies import) rồi chạy lại."
                    : $"Cơ quan “{agency.Name}” ({recipient}) chưa có địa chỉ nhận thư (to): chưa tạo thư. Bổ sung danh bạ rồi chạy lại.");
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
            digests.Add(new Digest(new DigestKey(input.Date, DigestKind.Daily, recipient), agency.Name, agency.To,
                cc.Except(agency.To, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToValueList(), items)
            {
                Extensions = notes[recipient].OrderBy(n => n.Kind).ThenBy(n => n.Plan, StringComparer.Ordinal).ThenBy(n => n.TaskKey, StringComparer.Ordinal)
                    .ThenBy(n => n.Agency, StringComparer.Ordinal).ToValueList(),
            });
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
