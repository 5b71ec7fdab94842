using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Plans;

namespace Tdkt.Completion;

/// <summary>
/// The use cases behind <c>tdkt task complete|reopen</c> and the admin routes <c>…/tasks/{task}/complete|reopen</c>:
/// find the plan and the task by the number printed in the plan, apply the completion rules, and say what happened
/// in one Vietnamese message that every host shows as it is.
/// </summary>
public sealed class AdminCompletion(PlanStore plans, AgencyStore agencies, CompletionService completion, CompletionStore store, VietnamClock clock)
{
    /// <summary>Who an administrator's change is recorded as when no name is given.</summary>
    public const string DefaultBy = "quản trị";

    public async Task<AdminCompleteOutcome> CompleteAsync(AdminCompleteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, task, missing) = await FindAsync(request.Plan, request.Task, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }
        var agency = request.Agency.Trim();
        var name = await NameOfAsync(agency, cancellationToken);
        var day = request.On ?? clock.Today;
        var (outcome, record) = await completion.CompleteOnBehalfAsync(agency, new TaskRef(plan!.Id, task!.Key), request.On,
            string.IsNullOrWhiteSpace(request.By) ? DefaultBy : request.By, request.Note, cancellationToken);
        return outcome switch
        {
            CompleteOutcome.Recorded => AdminCompleteOutcome.Recorded(plan, task, agency, name, day,
                (await store.GetAsync(plan.Id.Value, PlanStore.AssignmentKey(task, new AgencyId(agency)), cancellationToken))?.Due ?? task.Deadline.Due),
            CompleteOutcome.AlreadyDone => AdminCompleteOutcome.AlreadyDone(plan, task, agency, name, record!.Completion!),
            CompleteOutcome.DateInFuture => AdminCompleteOutcome.DateInFuture(day, clock.Today),
            CompleteOutcome.DateBeforePlan => AdminCompleteOutcome.DateBeforePlan(day, plan.Year),
            _ => AdminCompleteOutcome.NotHeld(plan, task, agency),
        };
    }

    public async Task<AdminReopenOutcome> ReopenAsync(AdminReopenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return AdminReopenOutcome.NoReason();
        }
        var (plan, task, missing) = await FindAsync(request.Plan, request.Task, cancellationToken);
        if (missing is not null)
        {
            return AdminReopenOutcome.From(missing);
        }
        var only = string.IsNullOrWhiteSpace(request.Agency) ? null : request.Agency.Trim();
        var reopened = await completion.ReopenAsync(plan!.Id, task!.Key, only, request.Reason,
            string.IsNullOrWhiteSpace(request.By) ? DefaultBy : request.By, cancellationToken);
        if (reopened.Count == 0)
        {
            return AdminReopenOutcome.NothingDone(plan, task, only);
        }
        var directory = await agencies.LoadAsync(cancellationToken);
        var names = reopened.Select(k => AssignmentKey.Parse(k).Agency).Select(a => directory.Find(new AgencyId(a))?.Name ?? a).ToList();
        return AdminReopenOutcome.Done(plan, task, reopened, names);
    }

    /// <summary>The plan and its task by the number printed in the plan (or its key), or the outcome that says which is missing.</summary>
    public async Task<(Plan? Plan, PlanTask? Task, AdminCompleteOutcome? Missing)> FindAsync(string planId, string number, CancellationToken cancellationToken)
    {
        var id = planId.Trim();
        if (!PlanId.IsValid(id) || await plans.GetAsync(new PlanId(id), cancellationToken) is not { } plan)
        {
            return (null, null, AdminCompleteOutcome.UnknownPlan(planId));
        }
        var wanted = number.Trim();
        return plan.Tasks.FirstOrDefault(t => t.Number == wanted || t.Key == wanted) is { } task
            ? (plan, task, null)
            : (plan, null, AdminCompleteOutcome.UnknownTask(plan, wanted));
    }

    public async Task<string> NameOfAsync(string agency, CancellationToken cancellationToken) =>
        AgencyId.IsValid(agency) ? (await agencies.LoadAsync(cancellationToken)).Find(new AgencyId(agency))?.Name ?? agency : agency;
}
