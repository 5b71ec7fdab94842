using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Hosting;
using Tdkt.Mail;
using Tdkt.Outbox;

namespace Tdkt.Reminders;

/// <summary>
/// The daily sweep for a local date: on a working day, one digest per agency that has something to hear
/// across all active plans, written to the outbox under its (date, agency) key, insert-if-absent, and queued;
/// nothing on a day off. After missed days it covers them all at once and tells the state as of the date.
/// <see cref="SweepReader"/> reads, <see cref="SweepPlanner"/> decides; this writes, queues and records the run.
/// </summary>
public sealed partial class ReminderSweep(
    SweepReader reader,
    SweepPlanner planner,
    SupervisorMail supervisors,
    OutboxStore outbox,
    DispatchQueueClient dispatchQueue,
    SweepRuns runs,
    ReminderRules rules,
    IClock clock,
    ILogger<ReminderSweep> logger)
{
    /// <summary>Computes the digests for <paramref name="date"/> and, unless <paramref name="dryRun"/>, writes them and a run record.</summary>
    public Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, CancellationToken cancellationToken) =>
        RunAsync(date, dryRun, trigger, null, 0, cancellationToken);

    /// <summary>
    /// The same, telling <paramref name="progress"/> how many index rows were read, then how many digests written;
    /// <paramref name="indexRepaired"/> (what the caller set right before) goes into the run record.
    /// </summary>
    public async Task<SweepResult> RunAsync(LocalDate date, bool dryRun, string trigger, IProgress<WorkProgress>? progress, int indexRepaired,
        CancellationToken cancellationToken)
    {
        var started = clock.GetCurrentInstant();
        var repaired = indexRepaired;
        var result = await ComputeAsync(date, progress, cancellationToken);
        if (dryRun)
        {
            return result;
        }

        var errors = result.Errors.ToList();
        var created = 0;
        var existing = 0;
        var writes = result.Digests.Select(d => (d.Key, d.To, d.Cc, Count: d.Notices.Count + d.Extensions.Count, Payload: DigestJson.Write(d)))
            .Concat(result.Summaries.Select(s => (s.Key, s.To, s.Cc, s.Agencies.Count, Payload: DigestJson.Write(s))))
            .Concat(result.Reports.Select(r => (r.Key, r.To, r.Cc, r.Reports.Count, Payload: DigestJson.Write(r))));
        var written = ProgressCounter.For(progress, "Ghi thư vào hàng đợi gửi", "thư", result.Digests.Count + result.Summaries.Count + result.Reports.Count);
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
        if (await reader.ReadAsync(date, progress, cancellationToken) is not { } input)
        {
            return SweepResult.NothingOn(date, workingDay: true);
        }
        var (digests, errors) = planner.Plan(input);
        var summaries = ValueList.Empty<WeeklySummary>();
        var summaryRows = 0;
        if (planner.SummariesDue(input))
        {
            (summaries, summaryRows) = await supervisors.WeeklyAsync(date, input.Reminded.Values, input.Directory, cancellationToken);
        }
        var reports = await supervisors.ReportsAsync(date, input.Reminded.Values, input.Directory, cancellationToken);
        return new SweepResult(date, true, input.Window, digests, summaries, input.RowsRead, summaryRows, errors) { Reports = reports };
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep {Date} ({Trigger}): working day {WorkingDay}, {DigestsCreated} digests created, {DigestsExisting} already in the outbox, {Notices} notices, {RowsRead} rows read, {Errors} errors, {ElapsedMs} ms")]
    private partial void LogSweep(string date, string trigger, bool workingDay, int digestsCreated, int digestsExisting, int notices, int rowsRead, int errors, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} is in the outbox but its queue message was not sent ({Error}); the periodic dispatch pass will send it")]
    private partial void LogEnqueueFailed(string key, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Date}: {Error}")]
    private partial void LogSweepError(string date, string error);
}
