using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Plans;

namespace Tdkt.Reminders;

/// <summary>What a sweep reads before it decides anything: the day, the working days it covers, the reminded plans and the open assignments that may speak.</summary>
public sealed record SweepInput(
    LocalDate Date,
    ValueList<LocalDate> Window,
    IReadOnlyDictionary<string, PlanSummary> Reminded,
    IReadOnlyCollection<DueEntry> Candidates,
    AgencyDirectory Directory,
    int RowsRead)
{
    /// <summary>What the digests tell about requests for more time (<see cref="DeadlineExtensions.ExtensionNotes"/>).</summary>
    public IReadOnlyList<DeadlineExtensions.ExtensionNote> Extensions { get; init; } = [];
}
