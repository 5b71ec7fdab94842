using Tdkt.Hosting;

namespace Tdkt.Plans;

public enum PlanChangeResult
{
    Done,
    UnknownPlan,

    /// <summary>The request cannot be carried out as given (say, a roll-forward to a year not after the plan's).</summary>
    Refused,
}

/// <summary>What activating, archiving or rolling forward a plan did, with the message every host shows.</summary>
public sealed record PlanChangeOutcome(PlanChangeResult Result, string Message)
{
    /// <summary>The new draft of a roll-forward.</summary>
    public Plan? Draft { get; init; }

    /// <summary>What a roll-forward changed, for review.</summary>
    public IReadOnlyList<RollForwardChange> Changes { get; init; } = [];

    public static PlanChangeOutcome UnknownPlan(string id) => new(PlanChangeResult.UnknownPlan, $"Không có kế hoạch “{id}”.");
}

/// <summary>The use cases that move a plan through its life: activate (reminders start), archive (they stop), roll forward to next year's draft.</summary>
public sealed class PlanLifecycle(PlanStore plans)
{
    public async Task<PlanChangeOutcome> SetStatusAsync(string id, PlanStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!PlanId.IsValid(id) || !await plans.SetStatusAsync(new PlanId(id), status, cancellationToken))
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        return new PlanChangeOutcome(PlanChangeResult.Done, $"Kế hoạch {id}: {StatusText(status)}.");
    }

    /// <summary>Makes <paramref name="id"/> active unless it already is (nothing written then).</summary>
    public async Task<PlanChangeOutcome> EnsureActiveAsync(string id, CancellationToken cancellationToken) =>
        PlanId.IsValid(id) && await plans.GetSummaryAsync(new PlanId(id), cancellationToken) is { Status: PlanStatus.Active }
            ? new PlanChangeOutcome(PlanChangeResult.Done, $"Kế hoạch {id}: {StatusText(PlanStatus.Active)}.")
            : await SetStatusAsync(id, PlanStatus.Active, cancellationToken);

    public async Task<PlanChangeOutcome> RollForwardAsync(string id, int year, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!PlanId.IsValid(id) || await plans.GetAsync(new PlanId(id), cancellationToken) is not { } plan)
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        if (year <= plan.Year)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Năm mới phải sau năm {plan.Year}.");
        }
        var (draft, changes) = RollForward.ToNextYear(plan, year);
        await plans.SaveAsync(draft, progress, [], cancellationToken);
        return new PlanChangeOutcome(PlanChangeResult.Done, $"Đã tạo dự thảo {draft.Id} ({draft.Title}). {changes.Count} thay đổi cần rà soát:")
        {
            Draft = draft,
            Changes = changes,
        };
    }

    public static string StatusText(PlanStatus status) => status switch
    {
        PlanStatus.Active => "đang thực hiện",
        PlanStatus.Archived => "đã lưu trữ",
        _ => "dự thảo",
    };
}
