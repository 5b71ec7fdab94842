using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// The weekly summary (first working day of the week) to each supervising agency: for every agency it
/// supervises, its assignments across active plans in the four official categories as of the date.
/// </summary>
public sealed class WeeklySummaries(PlanStore plans)
{
    public async Task<(ValueList<WeeklySummary> Summaries, int RowsRead)> ComputeAsync(
        LocalDate date, IEnumerable<PlanSummary> reminded, AgencyDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminded);
        ArgumentNullException.ThrowIfNull(directory);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var rowsRead = 0;
        foreach (var plan in reminded)
        {
            await foreach (var a in plans.AssignmentsAsync(plan.Id, null, cancellationToken))
            {
                rowsRead++;
                if (a.Ongoing)
                {
                    // No due date: not in the four categories the summary counts (the plan report shows them apart).
                    continue;
                }
                var c = counts.TryGetValue(a.Agency, out var existing) ? existing : counts[a.Agency] = new int[4];
                c[Category(a, date)]++;
            }
        }

        var summaries = counts
            .Select(c => (Agency: directory.Find(new AgencyId(c.Key)), Counts: c.Value, Id: c.Key))
            .Where(c => c.Agency?.Supervisor is not null)
            .GroupBy(c => c.Agency!.Supervisor!.Value.Value, StringComparer.Ordinal)
            .Select(g => (Supervisor: directory.Find(new AgencyId(g.Key)), Rows: g))
            .Where(g => g.Supervisor is { To.Count: > 0 })
            .OrderBy(g => g.Supervisor!.Id.Value, StringComparer.Ordinal)
            .Select(g => new WeeklySummary(new DigestKey(date, DigestKind.Weekly, g.Supervisor!.Id.Value), g.Supervisor.Name, g.Supervisor.To, g.Supervisor.Cc,
                g.Rows.OrderBy(r => r.Agency!.Name, StringComparer.Ordinal)
                    .Select(r => new AgencyProgress(r.Id, r.Agency!.Name, r.Counts[0], r.Counts[1], r.Counts[2], r.Counts[3])).ToValueList()))
            .ToValueList();
        return (summaries, rowsRead);
    }

    /// <summary>0 done on time, 1 done late, 2 open within the deadline, 3 open overdue.</summary>
    private static int Category(DueEntry a, LocalDate date) =>
        (int)Reports.Progress.Of(a, date);
}
