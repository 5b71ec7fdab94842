using System.Text;
using NodaTime;
using Tdkt.Hosting;
using Tdkt.Plans;

namespace Tdkt.Completion;

public enum CompleteOutcome
{
    Recorded,
    AlreadyDone,

    /// <summary>No such task, or the agency does not hold it, or its plan is not active.</summary>
    NotHeld,
}

public enum UndoOutcome
{
    Undone,
    NotDone,
    TooLate,
    NotHeld,
}

/// <summary>
/// Recording an agency's completion of its part of a task, its undo within <see cref="UndoWindow"/>, and an
/// administrator's reopening: each change goes to the assignment row first (the truth, with its ETag), then to
/// the due-date index and the audit, both of which a repeated request brings up to date.
/// </summary>
public sealed class CompletionService(CompletionStore store, PlanStore plans, AuditLog audit, IClock clock)
{
    public static readonly Duration UndoWindow = Duration.FromMinutes(15);
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 1000;

    public async Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> CompleteAsync(string agency, TaskRef task, CompletionInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await IsActiveAsync(task.Plan, cancellationToken))
        {
            return (CompleteOutcome.NotHeld, null);
        }
        var clean = input with { By = Clean(input.By, MaxNameLength, singleLine: true), Note = Clean(input.Note, MaxNoteLength, singleLine: false) };
        var key = task.AssignmentKey(agency);
        var (recorded, record) = await store.RecordAsync(task.Plan.Value, key, VietnamTime.Today(clock), clean, cancellationToken);
        if (record?.Completion is not { } done)
        {
            return (CompleteOutcome.NotHeld, null);
        }
        // Written again on a repeat too: completes what an interrupted first request left out (both are idempotent).
        await Task.WhenAll(
            audit.AddAsync(new AuditEntry(task.Plan.Value, key, AuditLog.Actions.Complete, done.At, done.By, done.Note, done.ClientIp, done.UserAgent), cancellationToken),
            store.MarkIndexAsync(record, cancellationToken));
        return (recorded ? CompleteOutcome.Recorded : CompleteOutcome.AlreadyDone, record);
    }

    /// <summary>Whether the agency may still undo this completion: made through its link, less than <see cref="UndoWindow"/> ago.</summary>
    public bool CanUndo(AssignmentRecord record) =>
        record?.Completion is { Via: CompletionVia.Link } c && clock.GetCurrentInstant() - c.At <= UndoWindow;

    public async Task<(UndoOutcome Outcome, AssignmentRecord? Record)> UndoAsync(string agency, TaskRef task, string? clientIp, string? userAgent,
        CancellationToken cancellationToken)
    {
        var key = task.AssignmentKey(agency);
        var (cleared, record) = await store.ClearAsync(task.Plan.Value, key, CanUndo, cancellationToken);
        if (record is null || record.Removed)
        {
            return (UndoOutcome.NotHeld, null);
        }
        if (!cleared)
        {
            return (record.Done ? UndoOutcome.TooLate : UndoOutcome.NotDone, record);
        }
        await audit.AddAsync(new AuditEntry(task.Plan.Value, key, AuditLog.Actions.Undo, clock.GetCurrentInstant(), record.Completion?.By, null, clientIp, userAgent),
            cancellationToken);
        return (UndoOutcome.Undone, record);
    }

    /// <summary>
    /// Opens a task again for one agency or, with no agency, for every agency that had marked it done. The reason
    /// is required and kept in the audit. Returns the assignments reopened (empty: nothing was done).
    /// </summary>
    public async Task<IReadOnlyList<string>> ReopenAsync(PlanId plan, string taskKey, string? agency, string reason, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var candidates = agency is not null
            ? [$"{taskKey}--{agency}"]
            : (await store.OfTaskAsync(plan.Value, taskKey, cancellationToken)).Where(r => r.Done).Select(r => r.Key).ToList();
        var reopened = new List<string>();
        foreach (var key in candidates)
        {
            var (cleared, _) = await store.ClearAsync(plan.Value, key, _ => true, cancellationToken);
            if (cleared)
            {
                reopened.Add(key);
                await audit.AddAsync(new AuditEntry(plan.Value, key, AuditLog.Actions.Reopen, clock.GetCurrentInstant(), by, Clean(reason, MaxNoteLength, false), null, null),
                    cancellationToken);
            }
        }
        return reopened;
    }

    /// <summary>Whether the plan takes completions; remembered for <see cref="PlanStatusCacheFor"/> since every POST asks.</summary>
    private async Task<bool> IsActiveAsync(PlanId plan, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (activePlans.TryGetValue(plan.Value, out var known) && now - known.At < PlanStatusCacheFor)
        {
            return known.Active;
        }
        var active = await plans.GetSummaryAsync(plan, cancellationToken) is { IsReminded: true };
        activePlans[plan.Value] = (active, now);
        return active;
    }

    /// <summary>How long a plan's status is remembered: archiving a plan stops completions within this time.</summary>
    public static readonly Duration PlanStatusCacheFor = Duration.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (bool Active, Instant At)> activePlans = new(StringComparer.Ordinal);

    /// <summary>Typed text as stored: NFC, trimmed, control characters dropped (line breaks kept in notes), bounded.</summary>
    public static string? Clean(string? text, int max, bool singleLine)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c == '\n' && !singleLine)
            {
                builder.Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(singleLine && c is '\r' or '\n' or '\t' ? " " : "");
            }
            else
            {
                builder.Append(c);
            }
        }
        var clean = builder.ToString().Trim();
        return clean.Length == 0 ? null : clean.Length > max ? clean[..max] : clean;
    }
}
