using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Plans;

namespace Tdkt.Reports;

/// <summary>Computes a plan's progress report from its assignments (one partition read).</summary>
public sealed class PlanReports(PlanStore plans, AgencyStore agencies, VietnamClock clock)
{
    public const string AllAgencies = "Tổng cộng";

    /// <summary>The report as of <paramref name="asOf"/> (default today in Vietnam), or null when there is no such plan.</summary>
    public Task<PlanReport?> ComputeAsync(PlanId id, LocalDate? asOf, CancellationToken cancellationToken) => ComputeAsync(id, asOf, null, cancellationToken);

    /// <summary>The same, showing <paramref name="each"/> every assignment read (the console's lists come from the same single read).</summary>
    public async Task<PlanReport?> ComputeAsync(PlanId id, LocalDate? asOf, Action<DueEntry>? each, CancellationToken cancellationToken)
    {
        if (await plans.GetSummaryAsync(id, cancellationToken) is not { } plan)
        {
            return null;
        }
        var date = asOf ?? clock.Today;
        var directory = await agencies.LoadAsync(cancellationToken);
        var cells = new Dictionary<(string Agency, int Quarter), ProgressCounts>();
        var attached = new List<(DueEntry Assignment, int Order)>();
        var upcoming = 0;
        var undated = 0;
        await foreach (var a in plans.AssignmentsAsync(id, null, cancellationToken))
        {
            each?.Invoke(a);
            if (a.Undated)
            {
                // A task without a fixed date yet is no deadline to count: reported apart until an administrator dates it.
                undated++;
                continue;
            }
            if (a.Occurrence && !a.Done && a.Due > date)
            {
                // A recurring duty counts the occurrences due so far (and any done early), not the year's twelve at once.
                upcoming++;
                continue;
            }
            var key = (a.Agency, a.Quarter);
            var counts = cells.GetValueOrDefault(key, ProgressCounts.Zero).Add(Progress.Of(a, date));
            cells[key] = a.Extended ? counts with { Extended = counts.Extended + 1 } : counts;
            if (a.Files.Count > 0)
            {
                attached.Add((a, attached.Count));
            }
        }
        string Name(string agency) => directory.Find(new AgencyId(agency))?.Name ?? agency;
        var lines = new List<ReportLine>();
        foreach (var agency in cells.Keys.Select(k => k.Agency).Distinct().OrderBy(Name, StringComparer.Ordinal))
        {
            var mine = cells.Where(c => c.Key.Agency == agency).OrderBy(c => c.Key.Quarter).ToList();
            lines.Add(new ReportLine(agency, Name(agency), null, ProgressCounts.Sum(mine.Select(c => c.Value))));
            lines.AddRange(mine.Select(c => new ReportLine(agency, Name(agency), c.Key.Quarter, c.Value)));
        }
        lines.AddRange(cells.GroupBy(c => c.Key.Quarter).OrderBy(g => g.Key)
            .Select(g => new ReportLine(null, AllAgencies, g.Key, ProgressCounts.Sum(g.Select(c => c.Value)))));
        lines.Add(new ReportLine(null, AllAgencies, null, ProgressCounts.Sum(cells.Values)));
        // Files sent after the report's date are not in it, as completions after it are not counted.
        var end = date.PlusDays(1).AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
        var files = attached.OrderBy(f => Name(f.Assignment.Agency), StringComparer.Ordinal).ThenBy(f => f.Order)
            .SelectMany(f => f.Assignment.Files.Where(file => file.At < end).OrderBy(file => file.At)
                .Select(file => new ReportFile(f.Assignment.Agency, Name(f.Assignment.Agency), f.Assignment.TaskNumber, file)))
            .ToList();
        return new PlanReport(id, plan.Number, plan.Title, plan.Year, date, lines) { Files = files, UpcomingOccurrences = upcoming, Undated = undated };
    }
}
