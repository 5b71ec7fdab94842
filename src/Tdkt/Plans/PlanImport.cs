using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Diagnostics;
using Tdkt.Hosting;
using Tdkt.Input;
using Tdkt.Plans.Import;
using Tdkt.Storage;

namespace Tdkt.Plans;

/// <summary>
/// The use case behind <c>tdkt plan import|preview</c>, <c>POST /api/plans</c> and <c>tdkt up</c>'s sample: read and
/// validate the whole file against the directory, then store all of it or nothing.
/// </summary>
public sealed class PlanImport(PlanStore plans, AgencyStore agencies, VietnamClock clock)
{
    public async Task<PlanImportOutcome> RunAsync(PlanImportRequest request, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = Telemetry.Source.StartActivity("tdkt.plan.import");
        activity?.SetTag("tdkt.file.extension", Path.GetExtension(request.FileName).ToLowerInvariant());
        activity?.SetTag("tdkt.file.bytes", request.Content.Length);
        var outcome = await ImportAsync(request, progress, cancellationToken);
        activity?.SetTag(Telemetry.Tags.Outcome, outcome.Result.ToString().ToLowerInvariant());
        if (outcome.Plan is { } plan)
        {
            activity?.SetTag(Telemetry.Tags.Plan, plan.Id.Value);
            activity?.SetTag("tdkt.tasks", plan.Tasks.Count);
        }
        activity?.SetTag("tdkt.errors", outcome.Errors.Count);
        return outcome;
    }

    private async Task<PlanImportOutcome> ImportAsync(PlanImportRequest request, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var directory = request.Directory ?? await agencies.LoadAsync(cancellationToken);
        if (directory.Agencies.Count == 0)
        {
            return new PlanImportOutcome(PlanImportResult.NoDirectory, null, null,
                [new InputError(Path.GetFileName(request.FileName), null, "agencies", "Chưa có danh bạ cơ quan: nạp danh bạ trước (tdkt agencies import).")]);
        }
        var built = PlanImporter.Import(request.Content, request.FileName, directory, request.Format, request.Header);
        if (!built.IsValid)
        {
            return new PlanImportOutcome(PlanImportResult.Invalid, null, null, built.Errors) { UnknownAgencies = built.UnknownAgencies, NotRead = built.NotRead };
        }

        // Each task takes its identity from the stored plan, so completions stay with their tasks (TaskIdentity).
        Plan plan;
        IReadOnlyList<TaskChange> changes = [];
        try
        {
            var storedTasks = await plans.StoredTasksAsync(built.Plan!.Id, cancellationToken);
            plan = UndatedTasks.KeepGivenDays(TaskIdentity.Resolve(built.Plan, built.KeyedNumbers, storedTasks), storedTasks);
            if (storedTasks.Count > 0)
            {
                changes = TaskChange.Between(storedTasks, await plans.CompletedByAsync(plan.Id, cancellationToken), plan);
            }
        }
        catch (Exception ex) when (request.DryRun && request.Directory is not null && StorageFailure.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            // A preview with its own directory works without storage; it just cannot compare with the stored plan.
            return new PlanImportOutcome(PlanImportResult.Previewed, built.Plan, null, []) { ComparedWithStored = false, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        var lines = changes.Select(c => c.Describe(directory)).ToList();
        if (request.DryRun)
        {
            return new PlanImportOutcome(PlanImportResult.Previewed, plan, null, []) { Changes = changes, ChangeLines = lines, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        if (changes.Any(c => c.NeedsConfirming) && !request.ConfirmChanges)
        {
            return new PlanImportOutcome(PlanImportResult.NeedsConfirmation, plan, null, []) { Changes = changes, ChangeLines = lines, Warnings = built.Warnings, NotRead = built.NotRead };
        }
        return await StoreAsync(request, built, plan, changes, lines, progress, cancellationToken);
    }

    /// <summary>
    /// The save itself: the directory the preview was made with, the plan with its audit of changed completions, and the
    /// outcome (busy while another import holds the plan; a plan already stored keeps its status).
    /// </summary>
    private async Task<PlanImportOutcome> StoreAsync(PlanImportRequest request, PlanBuildResult built, Plan plan, IReadOnlyList<TaskChange> changes,
        List<string> lines, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (request.Directory is not null)
        {
            await agencies.SaveAsync(request.Directory, cancellationToken);
        }
        var file = Path.GetFileName(request.FileName);
        var audit = changes.SelectMany(c => c.DoneBy.Select(a => new AuditEntry(plan.Id.Value, new AssignmentKey(c.Key, a.Value).Value,
            AuditActionOf(c.Kind), clock.Now, "nhập kế hoạch", c.AuditNote(file), null, null))).ToList();
        var saved = await plans.SaveAsync(plan, progress, audit, cancellationToken);
        if (saved is PlanSaveOutcome.Busy or PlanSaveOutcome.Superseded)
        {
            var until = await plans.ImportHeldUntilAsync(plan.Id, cancellationToken);
            return new PlanImportOutcome(PlanImportResult.Busy, plan, saved, [])
            {
                HeldUntil = until is { } u ? NodaTime.Instant.FromDateTimeOffset(u).InZone(VietnamTime.Zone).ToString("HH:mm:ss", null) : null,
                Changes = changes,
                ChangeLines = lines,
            };
        }
        // A plan already stored keeps its status; a new one takes the file's.
        var stored = await plans.GetSummaryAsync(plan.Id, cancellationToken);
        return new PlanImportOutcome(PlanImportResult.Saved, plan with { Status = stored?.Status ?? plan.Status }, saved, [])
        {
            Changes = changes,
            ChangeLines = lines,
            Warnings = built.Warnings,
            NotRead = built.NotRead,
        };
    }

    private static string AuditActionOf(TaskChangeKind kind) => kind switch
    {
        TaskChangeKind.Renumbered => AuditLog.Actions.Renumber,
        TaskChangeKind.Retired => AuditLog.Actions.Retire,
        TaskChangeKind.Unassigned => AuditLog.Actions.Unassign,
        _ => AuditLog.Actions.Revise,
    };
}
