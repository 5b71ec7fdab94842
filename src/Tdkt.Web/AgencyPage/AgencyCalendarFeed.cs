using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Plans;

using Tdkt.Completion;
using Tdkt.Clock;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// An agency's open deadlines across the active plans as an iCalendar subscription (RFC 5545): one all-day event per
/// open dated assignment, with the UID its digests' .ics use, SEQUENCE from the assignment row's last change (so it
/// rises when a date moves), the deadline's phrase and the task in the description, and a link to the agency's page.
/// The same data gives the same bytes (DTSTAMP is the last change, not now), so the ETag lets clients poll cheaply.
/// </summary>
public sealed class AgencyCalendarFeed(PlanStore plans, PlanCache planCache, CompletionStore store, AgencyLinks links, VietnamClock clock)
{
    /// <summary>Seconds from this instant number SEQUENCE: an int until 2088.</summary>
    private static readonly DateTimeOffset SequenceEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<CalendarFeed> BuildAsync(string agency, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var page = await links.LinkForAsync(agency, today, cancellationToken);
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH", ProductId = DigestCalendar.ProductId };
        calendar.AddProperty("X-WR-CALNAME", "Thời hạn nhiệm vụ thi đua, khen thưởng");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var changed = SequenceEpoch;
        foreach (var summary in (await plans.ListAsync(cancellationToken)).Where(p => p.IsReminded).OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            var rows = await store.OfAgencyAsync(summary.Id.Value, agency, summary.HasAgencyRows, cancellationToken);
            if (rows.Count == 0 || await planCache.GetAsync(summary, cancellationToken) is not { } plan)
            {
                continue;
            }
            var tasks = plan.Tasks.ToDictionary(t => t.Key, StringComparer.Ordinal);
            foreach (var row in rows.OrderBy(r => r.Due).ThenBy(r => r.TaskKey, StringComparer.Ordinal))
            {
                if (row.Changed is { } at && at > changed)
                {
                    changed = at;
                }
                if (row.Done || !tasks.TryGetValue(row.TaskKey, out var task) || task.Deadline.IsOngoing)
                {
                    continue;
                }
                var stamp = row.Changed ?? SequenceEpoch;
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = DigestCalendar.Uid(plan.Id.Value, row.TaskKey, agency),
                    Summary = $"Hạn nhiệm vụ {task.Number} ({plan.Number})",
                    Description = string.Join("\n", new[] { $"Thời hạn: {task.Deadline.Phrase}", task.Content, page is null ? null : $"Xem và xác nhận hoàn thành: {page}" }
                        .Where(l => !string.IsNullOrWhiteSpace(l))),
                    DtStart = new CalDateTime(row.Due.Year, row.Due.Month, row.Due.Day),
                    DtEnd = new CalDateTime(row.Due.PlusDays(1).Year, row.Due.PlusDays(1).Month, row.Due.PlusDays(1).Day),
                    DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                    Sequence = (int)Math.Max(0, (stamp - SequenceEpoch).TotalSeconds),
                    Url = page is null ? null : new Uri(page),
                    Transparency = "TRANSPARENT",
                });
            }
        }
        var content = Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
        return new CalendarFeed(content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"", changed);
    }
}
