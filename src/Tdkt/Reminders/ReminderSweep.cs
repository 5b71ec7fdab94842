using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Hosting;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>
/// The daily sweep for a local date: on a working day, one digest per agency that has something to hear
/// across all active plans, written to the outbox under its (date, agency) key, insert-if-absent; nothing
/// on a day off. After missed days it covers them all at once and tells the state as of the date.
/// Reads only the due-date buckets that can speak on the covered days, plus a quarter's tasks on its
/// kickoff day (docs/reminders.md).
/// </summary>
public sealed partial class ReminderSweep(
    PlanStore plans,
    AgencyStore agencies,
    DueIndex index,
    OutboxStore outbox,
    SweepRuns runs,
    ReminderRules rules,
    WeeklySummaries weekly,
    DispatchQueueClient dispatchQueue,
    Completion.IndexRepair indexRepair,
    IClock clock,
    ILogger<ReminderSweep> logger)
{
    /// <summary>Computes the digests for <paramref name="date"/> and, unless <paramref name="dryRun"/>, writes them and a run record.</summary>
    public Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, CancellationToken cancellationToken) =>
        RunAsync(date, dryRun, trigger, null, cancellationToken);

    /// <summary>The same, telling <paramref name="progress"/> how many index rows were read, then how many digests written.</summary>
    public async Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetCurrentInstant();
        var repaired = 0;
        if (!dryRun && rules.Calendar.IsWorkingDay(date))
        {
            // First, an index left "open" by a completion interrupted after its transaction (or the reverse) is set right.
            (_, repaired) = await indexRepair.RunAsync(await RepairSinceAsync(date, cancellationToken), cancellationToken);
            if (repaired > 0)
            {
                LogIndexRepaired(DueIndex.Key(date), repaired);
            }
        }
        var result = await ComputeAsync(date, progress, cancellationToken);
        if (dryRun)
        {
            return result;
        }

        var errors = result.Errors.ToList();
        var created = 0;
        var existing = 0;
        var writes = result.Digests.Select(d => (d.Key, d.To, d.Cc, d.Notices.Count, Payload: DigestJson.Write(d)))
            .Concat(result.Summaries.Select(s => (s.Key, s.To, s.Cc, s.Agencies.Count, Payload: DigestJson.Write(s))));
        var written = ProgressCounter.For(progress, "Ghi thư vào hàng đợi gửi", "thư", result.Digests.Count + result.Summaries.Count);
        written?.Start();
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (w, ct) =>
        {
            try
            {
                if (await outbox.AddIfAbsentAsync(w.Key, w.To, w.Cc, w.Count, w.Payload, ct))
                {
                    Interlocked.Increment(ref created);
                    await EnqueueAsync(w.Key, ct);
                }
                else
                {
                    Interlocked.Increment(ref existing);
                }
            }
            catch (Azure.RequestFailedException ex)
            {
                lock (errors)
                {
                    errors.Add($"Không ghi được thư {w.Key} vào hàng đợi gửi: {ex.Status} {ex.ErrorCode}");
                }
            }
            written?.Add(1);
        });

        var run = new SweepRun(date, result.WorkingDay, trigger, started, clock.GetCurrentInstant(), created, existing, result.Notices,
            result.RowsRead + result.SummaryRowsRead, errors.ToValueList(), repaired);
        await runs.RecordAsync(run, cancellationToken);
        foreach (var error in errors)
        {
            LogSweepError(DueIndex.Key(date), error);
        }
        LogSweep(DueIndex.Key(date), trigger, result.WorkingDay, created, existing, result.Notices, result.RowsRead + result.SummaryRowsRead, errors.Count,
            (run.EndedAt - run.StartedAt).TotalMilliseconds);
        return result with { Errors = errors.ToValueList(), Created = created, Existing = existing, IndexRepaired = repaired };
    }

    /// <summary>
    /// Changes since the start of the day of the last successful run (a completion during that run may have been
    /// read before its index write), or over the catch-up month when there is none.
    /// </summary>
    private async Task<Instant> RepairSinceAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var last = await runs.LastSucceededBeforeAsync(date, cancellationToken) ?? date.PlusDays(-SweepRuns.CatchUpDays);
        return last.AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
    }

    /// <summary>Tells the dispatcher at once; if the message is lost, the periodic dispatch pass finds the row anyway.</summary>
    private async Task EnqueueAsync(DigestKey key, CancellationToken cancellationToken)
    {
        try
        {
            await dispatchQueue.EnqueueAsync(key, cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            LogEnqueueFailed(key.Value, ex.Message);
        }
    }

    /// <summary>The digests and summaries for <paramref name="date"/>, without writing anything.</summary>
    public Task<SweepResult> ComputeAsync(LocalDate date, CancellationToken cancellationToken) => ComputeAsync(date, null, cancellationToken);

    /// <summary>The same, telling <paramref name="progress"/> how many index rows have been read.</summary>
    public async Task<SweepResult> ComputeAsync(LocalDate date, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (!rules.Calendar.IsWorkingDay(date))
        {
            return SweepResult.NothingOn(date, workingDay: false);
        }
        var reminded = (await plans.ListAsync(cancellationToken)).Where(p => p.IsReminded).ToDictionary(p => p.Id.Value, StringComparer.Ordinal);
        if (reminded.Count == 0)
        {
            return SweepResult.NothingOn(date, workingDay: true);
        }

        var window = await WindowAsync(date, cancellationToken);
        var (candidates, rowsRead) = await CandidatesAsync(date, window, reminded, ProgressCounter.For(progress, "Đọc chỉ mục hạn", "dòng"), cancellationToken);
        var directory = await agencies.LoadAsync(cancellationToken);
        var errors = new List<string>();

        var notices = new List<(string Agency, Notice Notice)>();
        foreach (var entry in candidates)
        {
            var plan = reminded[entry.Plan];
            var policy = plan.Reminders.For(entry.TaskKey);
            var kickoff = rules.KickoffDay(plan.Year, entry.Quarter, plan.ActivatedOn);
            if (rules.Notice(window, policy, entry.Due, kickoff, date) is { } kind)
            {
                notices.Add((entry.Agency, new Notice(entry.Plan, entry.TaskKey, entry.TaskNumber, kind, entry.Due, rules.WorkingDaysLeft(date, entry.Due))));
            }
        }

        var digests = new List<Digest>();
        foreach (var group in notices.GroupBy(n => n.Agency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var agency = directory.Find(new AgencyId(group.Key));
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
            if (items.Any(n => n.Kind == NoticeKind.Escalation) && agency.Supervisor is { } s && directory.Find(s) is { } supervisor)
            {
                cc.AddRange(supervisor.To);
            }
            digests.Add(new Digest(new DigestKey(date, DigestKind.Daily, group.Key), agency.Name, agency.To,
                cc.Except(agency.To, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToValueList(), items));
        }

        var summaries = ValueList.Empty<WeeklySummary>();
        var summaryRows = 0;
        if (window.Contains(FirstWorkingDayOfWeek(date)))
        {
            (summaries, summaryRows) = await weekly.ComputeAsync(date, reminded.Values, directory, cancellationToken);
        }
        return new SweepResult(date, true, window, digests.ToValueList(), summaries, rowsRead, summaryRows, errors.ToValueList());
    }

    /// <summary>The working days this sweep covers: those since the last successful run (within a month), else just the date.</summary>
    private async Task<ValueList<LocalDate>> WindowAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var last = await runs.LastSucceededBeforeAsync(date, cancellationToken);
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
        LocalDate date, ValueList<LocalDate> window, Dictionary<string, PlanSummary> reminded, ProgressCounter? read, CancellationToken cancellationToken)
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

    private LocalDate FirstWorkingDayOfWeek(LocalDate date) =>
        rules.Calendar.OnOrAfter(date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep {Date} ({Trigger}): working day {WorkingDay}, {DigestsCreated} digests created, {DigestsExisting} already in the outbox, {Notices} notices, {RowsRead} rows read, {Errors} errors, {ElapsedMs} ms")]
    private partial void LogSweep(string date, string trigger, bool workingDay, int digestsCreated, int digestsExisting, int notices, int rowsRead, int errors, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sweep {Date}: {Repaired} due-date index rows disagreed with their assignment (a completion, undo or reopen interrupted before its index write) and were set right")]
    private partial void LogIndexRepaired(string date, int repaired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} is in the outbox but its queue message was not sent ({Error}); the periodic dispatch pass will send it")]
    private partial void LogEnqueueFailed(string key, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Date}: {Error}")]
    private partial void LogSweepError(string date, string error);
}
