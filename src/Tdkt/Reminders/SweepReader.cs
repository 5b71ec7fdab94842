using System.Collections.Concurrent;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Hosting;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// What a sweep reads: the reminded plans, the working days it covers, and the open assignments that may speak in
/// them, from the due-date buckets the rules name plus a quarter's tasks on its kickoff day (docs/reminders.md).
/// </summary>
public sealed class SweepReader(PlanStore plans, AgencyStore agencies, DueIndex index, SweepRuns runs, ReminderRules rules, DeadlineExtensions.ExtensionNotes extensions)
{
    /// <summary>The sweep's input for <paramref name="date"/>; null when no plan is reminded (nothing to read).</summary>
    public async Task<SweepInput?> ReadAsync(LocalDate date, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var reminded = (await plans.ListAsync(cancellationToken)).Where(p => p.IsReminded).ToDictionary(p => p.Id.Value, StringComparer.Ordinal);
        if (reminded.Count == 0)
        {
            return null;
        }
        var last = await runs.LastSucceededBeforeAsync(date, cancellationToken);
        var window = Window(date, last);
        var (candidates, rowsRead) = await CandidatesAsync(window, reminded, ProgressCounter.For(progress, "Đọc chỉ mục hạn", "dòng"), cancellationToken);
        // Extension steps from the last successful sweep's day up to yesterday: the next sweep takes today's.
        var notes = await extensions.ReadAsync(reminded.Keys, last ?? date.PlusDays(-SweepRuns.CatchUpDays), date, cancellationToken);
        return new SweepInput(date, window, reminded, candidates, await agencies.LoadAsync(cancellationToken), rowsRead) { Extensions = [.. notes] };
    }

    /// <summary>The working days this sweep covers: those since the last successful run (within a month), else just the date.</summary>
    private ValueList<LocalDate> Window(LocalDate date, LocalDate? last)
    {
        if (last is null)
        {
            return new ValueList<LocalDate>([date]);
        }
        var days = new List<LocalDate>();
        for (var d = last.Value.PlusDays(1); d <= date; d = d.PlusDays(1))
        {
            if (rules.Calendar.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }
        return days.ToValueList();
    }

    /// <summary>Open assignments that may speak in the window: the due-date buckets, plus a quarter's tasks on its kickoff day.</summary>
    private async Task<(IReadOnlyCollection<DueEntry> Entries, int RowsRead)> CandidatesAsync(
        ValueList<LocalDate> window, Dictionary<string, PlanSummary> reminded, ProgressCounter? read, CancellationToken cancellationToken)
    {
        read?.Start();
        var earliest = reminded.Values.Select(p => p.FirstDue ?? new LocalDate(p.Year, 1, 1)).Min();
        var dueDates = reminded.Values.SelectMany(p => p.Reminders.All).Distinct()
            .SelectMany(policy => rules.DueDates(window, policy, earliest)).ToHashSet();
        // Kept entries share their strings (a plan id, task key or agency repeats across thousands of rows) and are
        // keyed by those shared strings: at a million assignments this is most of what the sweep holds.
        var found = new ConcurrentDictionary<(string Plan, string TaskKey, string Agency), DueEntry>();
        var shared = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void Keep(DueEntry entry)
        {
            var kept = entry with
            {
                Plan = shared.GetOrAdd(entry.Plan, entry.Plan),
                TaskKey = shared.GetOrAdd(entry.TaskKey, entry.TaskKey),
                TaskNumber = shared.GetOrAdd(entry.TaskNumber, entry.TaskNumber),
                Agency = shared.GetOrAdd(entry.Agency, entry.Agency),
            };
            found.TryAdd((kept.Plan, kept.TaskKey, kept.Agency), kept);
        }
        var rowsRead = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(dueDates, options, async (due, ct) =>
        {
            await foreach (var entry in index.ReadAsync(due, ct))
            {
                Counted(Interlocked.Increment(ref rowsRead), read);
                if (!entry.Done && reminded.ContainsKey(entry.Plan))
                {
                    Keep(entry);
                }
            }
        });

        var kickoffs = reminded.Values
            .SelectMany(p => Enumerable.Range(1, 4).Select(q => (Plan: p, Quarter: q)))
            .Where(k => k.Plan.Reminders.All.Any(policy => policy.Kickoff) && window.Contains(rules.KickoffDay(k.Plan.Year, k.Quarter, k.Plan.ActivatedOn)));
        await Parallel.ForEachAsync(kickoffs, options, async (k, ct) =>
        {
            await foreach (var entry in plans.AssignmentsAsync(k.Plan.Id, k.Quarter, ct))
            {
                Counted(Interlocked.Increment(ref rowsRead), read);
                if (!entry.Done)
                {
                    Keep(entry);
                }
            }
        });
        read?.Set(rowsRead);
        return (found.Values.ToList(), rowsRead);
    }

    /// <summary>Tells the watcher (if any) every thousand rows, which is often enough for a person and cheap for a million.</summary>
    private static void Counted(int rowsRead, ProgressCounter? read)
    {
        if (rowsRead % 1000 == 0)
        {
            read?.Set(rowsRead);
        }
    }

}
