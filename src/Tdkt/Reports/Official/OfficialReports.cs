using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Plans;
using Tdkt.Wording;

namespace Tdkt.Reports.Official;

/// <summary>
/// Computes the report sent upward on a plan: the progress report's figures (<see cref="PlanReports"/>, so the
/// document and the JSON report never disagree), what fell due in the period, the overdue tasks, and the letterhead
/// from <see cref="ReportOptions"/>, else from the plan and the directory's supervisor chain.
/// </summary>
public sealed class OfficialReports(PlanStore plans, AgencyStore agencies, PlanReports reports, IOptions<ReportOptions> options, VietnamClock clock)
{
    /// <summary>Used when neither the settings nor the directory say who reports (the plans' own wording).</summary>
    public const string DefaultBody = "Sở Nội vụ";

    public const string DefaultSignerTitle = "GIÁM ĐỐC";

    /// <summary>The report as of <paramref name="asOf"/> (default today) for the period of <paramref name="kind"/> it covers (<see cref="ReportPeriod.For"/>).</summary>
    public Task<OfficialReport?> ComputeAsync(PlanId id, LocalDate? asOf, ReportPeriodKind kind, CancellationToken cancellationToken)
    {
        var date = asOf ?? clock.Today;
        return ComputeAsync(id, date, ReportPeriod.For(kind, date), cancellationToken);
    }

    /// <summary>The report as of <paramref name="date"/> for <paramref name="period"/>, or null when there is no such plan.</summary>
    public async Task<OfficialReport?> ComputeAsync(PlanId id, LocalDate date, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (await plans.GetAsync(id, cancellationToken) is not { } plan || await reports.ComputeAsync(id, date, cancellationToken) is not { } figures)
        {
            return null;
        }
        var directory = await agencies.LoadAsync(cancellationToken);
        var inPeriod = ProgressCounts.Zero;
        var late = new Dictionary<string, List<(string Agency, LocalDate Due)>>(StringComparer.Ordinal);
        await foreach (var a in plans.AssignmentsAsync(id, null, cancellationToken))
        {
            var category = Progress.Of(a, date);
            if (!a.Ongoing && a.Due >= period.Start && a.Due <= period.End)
            {
                inPeriod = inPeriod.Add(category);
            }
            if (category == ProgressCategory.OpenOverdue)
            {
                (late.TryGetValue(a.TaskKey, out var list) ? list : late[a.TaskKey] = []).Add((a.Agency, a.Due));
            }
        }
        string Name(string agency) => directory.Find(new AgencyId(agency))?.Name ?? agency;
        // A recurring duty is one task of the plan however many occurrences it has.
        var written = TaskSeries.Written(plan.Tasks);
        var overdue = plan.Tasks.Where(t => late.ContainsKey(t.Key)).Select(t =>
            {
                var due = late[t.Key].Min(l => l.Due);
                return new OverdueTask(t.Number, t.Content, t.Quarter, due, Period.Between(due, date, PeriodUnits.Days).Days,
                    [.. t.Agencies.Where(a => late[t.Key].Any(l => l.Agency == a.Value)).Select(a => Name(a.Value))]);
            })
            .ToList();
        return new OfficialReport(figures, period, Reference(plan), Letterhead(plan, Reporter(plan, directory), directory), written.Count, figures.ByAgency.Count(),
            inPeriod, overdue) { RecurringTasks = written.Count(w => w.Written.Series is not null) };
    }

    /// <summary>
    /// Who reports on the plan, and receives its periodic report: <see cref="ReportOptions.From"/>, else the agency that
    /// supervises most of the plan's assignments in the directory (Sở Nội vụ for the sample), else null.
    /// </summary>
    public Agency? Reporter(Plan plan, AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(directory);
        if (Given(options.Value.From) is { } from)
        {
            return directory.Find(new AgencyId(from));
        }
        return plan.Assignments.Select(a => directory.Find(a.Agency)?.Supervisor).OfType<AgencyId>()
            .GroupBy(s => s.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => directory.Find(new AgencyId(g.Key))).FirstOrDefault(a => a is not null);
    }

    /// <summary>"Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023".</summary>
    public static string Reference(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder("Kế hoạch");
        if (plan.Number.Length > 0)
        {
            text.Append(" số ").Append(plan.Number);
        }
        if (plan.IssuedOn != default)
        {
            text.Append(" ngày ").Append(VietnamTime.ShortDate(plan.IssuedOn));
        }
        if (plan.Issuer.Length > 0)
        {
            text.Append(" của ").Append(plan.Issuer);
        }
        if (plan.Title.Length > 0)
        {
            text.Append(" về ").Append(MailText.LowerFirst(plan.Title));
        }
        return text.ToString();
    }

    private ReportLetterhead Letterhead(Plan plan, Agency? reporter, AgencyDirectory directory)
    {
        var o = options.Value;
        var body = reporter?.Name ?? DefaultBody;
        var above = reporter?.Supervisor is { } s ? directory.Find(s)?.Name : null;
        return new ReportLetterhead(
            Given(o.ParentBody) ?? above ?? plan.Issuer,
            body,
            Given(o.Abbreviation) ?? Initials(body),
            Given(o.Place) ?? PlaceOf(plan.Issuer) ?? PlaceOf(above) ?? "",
            Given(o.Recipient) ?? above ?? plan.Issuer,
            Given(o.SignerTitle) ?? DefaultSignerTitle,
            Given(o.SignerName));
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"Lạng Sơn" from "Ủy ban nhân dân tỉnh Lạng Sơn" (also "thành phố Hà Nội"), or null.</summary>
    public static string? PlaceOf(string? issuer)
    {
        if (issuer is null)
        {
            return null;
        }
        foreach (var marker in new[] { " thành phố ", " tỉnh ", " Thành phố ", " Tỉnh " })
        {
            var at = issuer.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && issuer[(at + marker.Length)..].Trim() is { Length: > 0 } place)
            {
                return place;
            }
        }
        return null;
    }

    /// <summary>"SNV" for "Sở Nội vụ", "STC" for "Sở Tài chính": the first letter of each word, Đ kept.</summary>
    public static string Initials(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w[0] is 'đ' or 'Đ' ? "Đ" : Input.VietnameseText.Fold(w[..1]).ToUpperInvariant())
            .Where(l => l.Length == 1 && (l == "Đ" || char.IsAsciiLetterOrDigit(l[0])));
        return string.Concat(letters);
    }
}
