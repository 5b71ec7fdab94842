using System.Text;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Caching;
using Tdkt.Clock;
using Tdkt.Diagnostics;
using Tdkt.Plans;

namespace Tdkt.Completion;

/// <summary>
/// Recording an agency's completion of its part of a task, its undo within <see cref="UndoWindow"/>, and an
/// administrator's reopening: each change goes to the assignment row first (the truth, with its ETag), then to
/// the due-date index and the audit, both of which a repeated request brings up to date.
/// </summary>
public sealed class CompletionService(CompletionStore store, PlanStore plans, VietnamClock clock)
{
    public static readonly Duration UndoWindow = Duration.FromMinutes(15);
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 1000;
    public const int MaxUserAgentLength = 512;

    /// <summary>Today in Vietnam, by the injected clock.</summary>
    public LocalDate Today => clock.Today;

    /// <summary>The earliest completion date an administrator may give for a plan of <paramref name="year"/> (work often starts the year before).</summary>
    public static LocalDate EarliestCompletion(int year) => new(year - 1, 1, 1);

    public Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> CompleteAsync(string agency, TaskRef task, CompletionInput input,
        CancellationToken cancellationToken) =>
        CompleteAsync(agency, task, input, Today, cancellationToken);

    /// <summary>
    /// Records, on an administrator's word, that <paramref name="agency"/> finished its part of a task on
    /// <paramref name="on"/> (say, the date of the written report it sent; today if not given), which decides
    /// "on time" or "late".
    /// </summary>
    public Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> CompleteOnBehalfAsync(string agency, TaskRef task, LocalDate? on, string by, string? note,
        CancellationToken cancellationToken)
    {
        var today = Today;
        return on > today
            ? Task.FromResult<(CompleteOutcome, AssignmentRecord?)>((CompleteOutcome.DateInFuture, null))
            : CompleteAsync(agency, task, new CompletionInput(by, note, CompletionVia.Admin), on ?? today, cancellationToken);
    }

    private async Task<(CompleteOutcome Outcome, AssignmentRecord? Record)> CompleteAsync(string agency, TaskRef task, CompletionInput input, LocalDate on,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await HeldAsync(agency, task, cancellationToken) is not var (plan, planTask))
        {
            return (CompleteOutcome.NotHeld, null);
        }
        if (on < EarliestCompletion(plan.Year))
        {
            return (CompleteOutcome.DateBeforePlan, null);
        }
        var clean = input with
        {
            By = Clean(input.By, MaxNameLength, singleLine: true),
            Note = Clean(input.Note, MaxNoteLength, singleLine: false),
            UserAgent = Clean(input.UserAgent, MaxUserAgentLength, singleLine: true),
        };
        using var activity = Telemetry.Source.StartActivity("tdkt.completion");
        activity?.SetTag(Telemetry.Tags.Plan, task.Plan.Value);
        activity?.SetTag(Telemetry.Tags.Task, task.TaskKey);
        activity?.SetTag(Telemetry.Tags.Agency, agency);
        activity?.SetTag(Telemetry.Tags.Via, clean.Via);
        var result = await store.RecordAsync(task.Plan.Value, task.AssignmentKey(agency), planTask.Deadline.Due, on, clean, cancellationToken);
        activity?.SetTag(Telemetry.Tags.Outcome, result.Outcome.ToString().ToLowerInvariant());
        Telemetry.Completions.Add(1, new KeyValuePair<string, object?>(Telemetry.Tags.Via, clean.Via),
            new KeyValuePair<string, object?>(Telemetry.Tags.Outcome, result.Outcome.ToString().ToLowerInvariant()));
        return result;
    }

    /// <summary>The plan and task when <paramref name="agency"/> holds <paramref name="task"/> in an active plan; null otherwise.</summary>
    public async Task<(Plan Plan, PlanTask Task)?> HeldAsync(string agency, TaskRef task, CancellationToken cancellationToken) =>
        Agencies.AgencyId.IsValid(agency) && await ActivePlanAsync(task.Plan, cancellationToken) is { } plan
            && plan.Tasks.FirstOrDefault(t => t.Key == task.TaskKey) is { } planTask && planTask.Agencies.Contains(new Agencies.AgencyId(agency))
            ? (plan, planTask)
            : null;

    /// <summary>Whether the agency may still undo this completion: made through its link, less than <see cref="UndoWindow"/> ago.</summary>
    public bool CanUndo(AssignmentRecord record) =>
        record?.Completion is { Via: CompletionVia.Link } c && clock.Now - c.At <= UndoWindow && record.Undos < MaxUndos;

    /// <summary>How many times an agency may undo its completion of one assignment through its link (then an administrator reopens it).</summary>
    public const int MaxUndos = 3;

    public async Task<(UndoOutcome Outcome, AssignmentRecord? Record)> UndoAsync(string agency, TaskRef task, string? clientIp, string? userAgent,
        CancellationToken cancellationToken)
    {
        var key = task.AssignmentKey(agency);
        var (cleared, record) = await store.ClearAsync(task.Plan.Value, key, CanUndo,
            r => new AuditEntry(task.Plan.Value, key, AuditLog.Actions.Undo, clock.Now, r.Completion?.By, null, clientIp,
                Clean(userAgent, MaxUserAgentLength, singleLine: true)), cancellationToken, countsAsUndo: true);
        if (record is null || record.Removed)
        {
            return (UndoOutcome.NotHeld, null);
        }
        if (!cleared)
        {
            return (!record.Done ? UndoOutcome.NotDone : record.Undos >= MaxUndos ? UndoOutcome.TooOften : UndoOutcome.TooLate, record);
        }
        return (UndoOutcome.Undone, record);
    }

    /// <summary>
    /// Opens a task again for one agency or, with no agency, for every agency that had marked it done. The reason
    /// is required and kept in the audit. Returns the assignments reopened (empty: nothing was done).
    /// </summary>
    public async Task<IReadOnlyList<string>> ReopenAsync(PlanId plan, string taskKey, string? agency, string reason, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!TaskRef.IsKey(taskKey) || (agency is not null && !Agencies.AgencyId.IsValid(agency)))
        {
            // Not shaped like a task or an agency: there is nothing of that name to reopen.
            return [];
        }
        var candidates = agency is not null
            ? [new AssignmentKey(taskKey, agency).Value]
            : (await store.OfTaskAsync(plan.Value, taskKey, cancellationToken)).Where(r => r.Done).Select(r => r.Key).ToList();
        var reopened = new List<string>();
        foreach (var key in candidates)
        {
            var (cleared, _) = await store.ClearAsync(plan.Value, key, _ => true,
                _ => new AuditEntry(plan.Value, key, AuditLog.Actions.Reopen, clock.Now, by, Clean(reason, MaxNoteLength, false), null, null),
                cancellationToken);
            if (cleared)
            {
                reopened.Add(key);
            }
        }
        return reopened;
    }

    /// <summary>
    /// The plan, if it takes completions (active, import complete); remembered for <see cref="PlanCacheFor"/>, since
    /// every POST asks. Archiving a plan or changing its tasks reaches the completion forms within that time.
    /// </summary>
    private async Task<Plan?> ActivePlanAsync(PlanId id, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        if (activePlans.TryGet(id.Value, now, out var known))
        {
            return known;
        }
        var plan = await plans.GetSummaryAsync(id, cancellationToken) is { IsReminded: true } ? await plans.GetAsync(id, cancellationToken) : null;
        activePlans.Set(id.Value, plan, now);
        return plan;
    }

    public static readonly Duration PlanCacheFor = Duration.FromSeconds(30);

    private readonly TimedCache<string, Plan?> activePlans = new(PlanCacheFor);

    /// <summary>Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they can make stored text read as something else.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Typed text as stored: NFC, trimmed, control and bidi-control characters dropped (line breaks kept in notes), bounded.</summary>
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
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c))
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
