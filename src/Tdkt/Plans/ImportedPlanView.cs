
namespace Tdkt.Plans;

/// <summary>A plan as the API and <c>tdkt plan import --json</c> write it (camelCase; <c>issuedOn</c> ISO).</summary>
public sealed record ImportedPlanView(string Id, string Number, string Issuer, string IssuedOn, int Year, string Title, IReadOnlyList<ImportedTaskView> Tasks)
{
    public static ImportedPlanView Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id.Value, plan.Number, plan.Issuer, NodaTime.Text.LocalDatePattern.Iso.Format(plan.IssuedOn), plan.Year, plan.Title,
            [.. TaskSeries.Written(plan.Tasks).Select(w => (t: w.Written, w.Occurrences)).Select(x => new ImportedTaskView(x.t.Key, x.t.Number, x.t.Quarter,
                x.t.Deadline.IsOngoing ? null : NodaTime.Text.LocalDatePattern.Iso.Format(x.t.Deadline.Due), x.t.Deadline.Phrase, x.t.Deadline.IsOngoing,
                x.t.Content, [.. x.t.LeadAgencies.Select(a => a.Value)], [.. x.t.Agencies.Select(a => a.Value)],
                x.t.Series is null ? null : [.. x.Occurrences.Select(i => NodaTime.Text.LocalDatePattern.Iso.Format(plan.Tasks[i].Deadline.Due))]))]);
    }
}
