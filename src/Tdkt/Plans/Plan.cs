using NodaTime;
using Tdkt.Agencies;

namespace Tdkt.Plans;

/// <summary>A yearly work plan as issued ("Kế hoạch số 252/KH-UBND ngày 21/12/2022 của UBND tỉnh Lạng Sơn").</summary>
public sealed record Plan(
    PlanId Id,
    string Number,
    string Title,
    string Issuer,
    LocalDate IssuedOn,
    int Year,
    PlanStatus Status,
    ValueList<PlanTask> Tasks)
{
    /// <summary>Every (task, agency) pair: the unit that is reminded and marked done.</summary>
    public IEnumerable<(PlanTask Task, AgencyId Agency, bool IsLead)> Assignments =>
        Tasks.SelectMany(t => t.Agencies.Select((a, i) => (t, a, i < t.Leads)));
}
