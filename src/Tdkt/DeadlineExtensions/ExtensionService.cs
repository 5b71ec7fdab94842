using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;

namespace Tdkt.DeadlineExtensions;

/// <summary>
/// The rules of more time: an agency asks through its page for a later date on an open task of an active plan, with a
/// reason; its supervising agency (from the directory) approves, possibly with another date, or declines with a
/// reason; an administrator can extend directly. An approval moves the assignment's entry in the due-date index, so
/// reminders and the report follow the new date. Each step is one transaction with its audit row
/// (<see cref="ExtensionStore"/>).
/// </summary>
public sealed class ExtensionService(ExtensionStore store, CompletionService completion, AgencyStore agencies, DueIndex index, VietnamClock clock)
{
    public const int MaxReasonLength = CompletionService.MaxNoteLength;

    /// <summary>The furthest an extension may move a date, counted from the date in force.</summary>
    public static readonly Period MaxExtension = Period.FromYears(1);

    public async Task<ExtensionResult> RequestAsync(string agency, TaskRef task, LocalDate asked, string? reason, string? by, string? clientIp, string? userAgent,
        CancellationToken cancellationToken)
    {
        var why = CompletionService.Clean(reason, MaxReasonLength, singleLine: false);
        if (await completion.HeldAsync(agency, task, cancellationToken) is not var (_, planTask))
        {
            return new(ExtensionOutcome.NotHeld, null);
        }
        if (planTask.Deadline.IsOngoing)
        {
            return new(ExtensionOutcome.Ongoing, null);
        }
        var supervisor = await SupervisorOfAsync(agency, cancellationToken);
        var name = CompletionService.Clean(by, CompletionService.MaxNameLength, singleLine: true);
        var ua = CompletionService.Clean(userAgent, CompletionService.MaxUserAgentLength, singleLine: true);
        var key = AssignmentKey.Parse(task.AssignmentKey(agency));
        var now = clock.Now;
        var (outcome, record) = await store.ChangeAsync(task.Plan.Value, key, r =>
        {
            var check = r.Done ? ExtensionOutcome.AlreadyDone
                : r.Extension.IsPending ? ExtensionOutcome.AlreadyPending
                : DateProblem(r.Due, asked) ?? (why is null ? ExtensionOutcome.NoReason : ExtensionOutcome.Requested);
            if (check != ExtensionOutcome.Requested)
            {
                return (check, null);
            }
            var request = new ExtensionRequest(r.Due, asked, why, now, name, CompletionVia.Link) { Supervisor = supervisor };
            var inbox = supervisor is null ? [] : SupervisorInbox.Post(task.Plan.Value, supervisor, key,
                new InboxItem(InboxKind.Extension, agency, task.TaskKey, r.TaskNumber, now, name) { Due = r.Due, Requested = asked, Reason = why });
            return (check, new ExtensionChange(r.Extension with { Request = request },
                new AuditEntry(task.Plan.Value, key.Value, ExtensionStore.Actions.Request, now, name, $"{Iso(asked)}: {why}", clientIp, ua), inbox));
        }, ExtensionOutcome.NotHeld, cancellationToken);
        return new(outcome, record, record?.Due);
    }

    /// <summary>
    /// The supervising agency <paramref name="supervisor"/> answers <paramref name="agency"/>'s pending request, through its
    /// own page: approves (with <paramref name="to"/>, or the date asked) or declines (with <paramref name="answer"/> as the reason).
    /// </summary>
    public async Task<ExtensionResult> DecideAsync(string supervisor, string agency, TaskRef task, bool approve, LocalDate? to, string? answer, string? by,
        string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        if (!AgencyId.IsValid(agency) || await SupervisorOfAsync(agency, cancellationToken) != supervisor)
        {
            return new(ExtensionOutcome.NotSupervisor, null);
        }
        return await DecideAsync(agency, task, approve, to, answer, by, CompletionVia.Link, requirePending: true, clientIp, userAgent, cancellationToken);
    }

    /// <summary>
    /// An administrator's decision: approves the pending request (or, when none is pending, extends directly) to
    /// <paramref name="to"/>, or declines the pending one.
    /// </summary>
    public Task<ExtensionResult> DecideAsAdminAsync(string agency, TaskRef task, bool approve, LocalDate? to, string? answer, string by,
        CancellationToken cancellationToken) =>
        DecideAsync(agency, task, approve, to, answer, by, CompletionVia.Admin, requirePending: !approve, null, null, cancellationToken);

    private async Task<ExtensionResult> DecideAsync(string agency, TaskRef task, bool approve, LocalDate? to, string? answer, string? by, string via,
        bool requirePending, string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        var words = CompletionService.Clean(answer, MaxReasonLength, singleLine: false);
        if (await completion.HeldAsync(agency, task, cancellationToken) is not var (_, planTask))
        {
            return new(ExtensionOutcome.NotHeld, null);
        }
        if (planTask.Deadline.IsOngoing)
        {
            return new(ExtensionOutcome.Ongoing, null);
        }
        var name = CompletionService.Clean(by, CompletionService.MaxNameLength, singleLine: true);
        var ua = CompletionService.Clean(userAgent, CompletionService.MaxUserAgentLength, singleLine: true);
        var key = AssignmentKey.Parse(task.AssignmentKey(agency));
        var now = clock.Now;
        LocalDate? granted = null;
        var (outcome, record) = await store.ChangeAsync(task.Plan.Value, key, r =>
        {
            var pending = r.Extension.IsPending ? r.Extension.Request : null;
            if (pending is null && (requirePending || to is null))
            {
                return (ExtensionOutcome.NotPending, null);
            }
            if (r.Done && approve)
            {
                return (ExtensionOutcome.AlreadyDone, null);
            }
            var date = to ?? pending!.Asked;
            var check = approve ? DateProblem(r.Due, date) : words is null ? ExtensionOutcome.NoReason : null;
            if (check is { } problem)
            {
                return (problem, null);
            }
            var request = (pending ?? new ExtensionRequest(r.Due, date, words, now, name, via)) with
            {
                Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Declined,
                To = approve ? date : null,
                DecidedAt = now,
                DecidedBy = name,
                Answer = words,
                DecidedVia = via,
            };
            granted = approve ? date : null;
            var inbox = pending?.Supervisor is { } s ? SupervisorInbox.Take(task.Plan.Value, s, key) : [];
            var note = approve ? $"{Iso(r.Due)} → {Iso(date)}" + (words is null ? "" : $": {words}") : words;
            return (approve ? ExtensionOutcome.Approved : ExtensionOutcome.Declined, new ExtensionChange(
                new ExtensionState(approve ? date : r.Extension.GrantedTo, request),
                new AuditEntry(task.Plan.Value, key.Value, approve ? ExtensionStore.Actions.Approve : ExtensionStore.Actions.Decline, now, name, note, clientIp, ua), inbox));
        }, ExtensionOutcome.NotHeld, cancellationToken);
        if (outcome == ExtensionOutcome.Approved && record is not null && granted is { } newDue)
        {
            var due = new ExtensionState(newDue, null).DueAfter(record.PlanDue);
            await index.MoveAsync(record.EntryAt(due), record.Due, cancellationToken);
            return new(outcome, record, due);
        }
        return new(outcome, record, record?.Due);
    }

    private static ExtensionOutcome? DateProblem(LocalDate current, LocalDate asked) =>
        asked <= current ? ExtensionOutcome.NotLater : asked > current.Plus(MaxExtension) ? ExtensionOutcome.TooFar : null;

    private async Task<string?> SupervisorOfAsync(string agency, CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        return directory.Find(new AgencyId(agency))?.Supervisor is { } s && s.Value != agency ? s.Value : null;
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
