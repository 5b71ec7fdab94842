using Tdkt.Input;

namespace Tdkt.Plans.Import;

public sealed record PlanBuildResult(Plan? Plan, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Plan is not null && Errors.Count == 0;

    /// <summary>The numbers of the tasks whose key the file gave; the others' keys are resolved against the stored plan (<see cref="TaskIdentity"/>).</summary>
    public IReadOnlySet<string> KeyedNumbers { get; init; } = new HashSet<string>();

    /// <summary>What the administrator should know and nothing stops: agencies the plan names that a successor has replaced.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Each name no directory agency goes by, as written, with the tasks that name it: what the console offers to fix in place.</summary>
    public IReadOnlyList<UnknownAgency> UnknownAgencies { get; init; } = [];

    /// <summary>What the document names an agency or a deadline in and was not read as a task, with why.</summary>
    public IReadOnlyList<UnreadLine> NotRead { get; init; } = [];
}
