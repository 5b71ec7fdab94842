using System.Text.RegularExpressions;

namespace Tdkt.Plans.Import;

/// <summary>
/// Reads the rows of a plan's task tables, in order: header rows (first and repeated) say where each field is;
/// "QUÝ I" rows give the quarter and "I | CÔNG TÁC THI ĐUA" rows the section; numbered rows are tasks; a row without a
/// number (a row a page break or a merged number cell split) continues the task above.
/// </summary>
public sealed partial class PlanTableReader
{
    private readonly List<(RawTask Task, string? Section)> tasks = [];
    private PlanTableColumns? columns;
    private int? quarter;
    private string? section;
    private string? lastTop;

    private readonly List<PlanBlock.Row> dropped = [];

    public int Count => tasks.Count;

    /// <summary>Rows read as neither a header, a quarter or section row, a task nor a task's continuation.</summary>
    public IReadOnlyList<PlanBlock.Row> Dropped => dropped;

    public void Read(PlanBlock.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cells = row.Cells;
        if (PlanTableColumns.Detect(cells) is { } header)
        {
            columns = header;
            return;
        }
        if (columns?.Refine(cells) is { } refined)
        {
            columns = refined;
            return;
        }
        var layout = columns ?? PlanTableColumns.Positional;
        var number = Strip(Cell(cells, layout.Number));
        var first = cells.Select(Strip).FirstOrDefault(c => c.Length > 0) ?? "";
        if (QuarterRow().Match(first) is { Success: true } q && (number.Length == 0 || number == first || Roman().IsMatch(number)))
        {
            quarter = Quarters.FromRoman(q.Groups["q"].Value) ?? (int.TryParse(q.Groups["q"].Value, out var n) ? n : 0);
            return;
        }
        if (SectionOf(cells, layout, number, first) is { } roman)
        {
            section = roman;
            return;
        }
        var continued = row.Continues(layout.Number);
        if ((number.Length == 0 || continued) && tasks.Count > 0)
        {
            Continue(row, layout);
            return;
        }
        var content = Strip(Cell(cells, layout.Content));
        if (number.Length == 0 || content.Length == 0 && cells.Count(c => Strip(c).Length > 0) <= 1)
        {
            dropped.Add(row);
            return;
        }
        if (SubItem().Match(number) is { Success: true } sub && lastTop is not null)
        {
            number = $"{lastTop}.{sub.Groups["l"].Value}";
        }
        else
        {
            number = number.TrimEnd('.');
            lastTop = number;
        }
        // A new task takes merged cells' text too (two tasks may share one agencies cell).
        var (agencies, leads) = AgenciesOf(row, layout, ownOnly: false);
        var time = layout.Time is { } t ? Strip(Cell(cells, t)) : "";
        tasks.Add((new RawTask(row.Line, "", number, quarter, content, time.Length > 0 ? time : null, null, agencies) { Leads = leads }, section));
    }

    /// <summary>The tasks read; where numbering restarts in each section ("I: 1, 2; II: 1, 2"), numbers carry their section ("II.1").</summary>
    public IReadOnlyList<RawTask> Tasks()
    {
        var numbers = tasks.Select(t => PlanTask.KeyFor(t.Task.Number ?? "")).ToList();
        var restarts = tasks.Any(t => t.Section is not null) && numbers.Distinct(StringComparer.Ordinal).Count() < numbers.Count;
        return restarts
            ? tasks.Select(t => t.Section is null ? t.Task : t.Task with { Number = $"{t.Section}.{t.Task.Number}" }).ToList()
            : tasks.Select(t => t.Task).ToList();
    }

    /// <summary>Adds a row's own cells (not those a merged cell repeats) to the task above: its text, its agencies, its time if it had none.</summary>
    private void Continue(PlanBlock.Row row, PlanTableColumns layout)
    {
        var (last, lastSection) = tasks[^1];
        string Own(int? column) => column is { } c && !row.Continues(c) ? Strip(Cell(row.Cells, c)) : "";
        var content = Own(layout.Content);
        var time = Own(layout.Time);
        var (agencies, leads) = AgenciesOf(row, layout, ownOnly: true);
        var lastLeads = last.Leads ?? Math.Min(1, last.Agencies.Count);
        var lead = last.Agencies.Take(lastLeads).Concat(agencies.Take(leads ?? 0)).Distinct(StringComparer.Ordinal).ToList();
        var all = lead.Concat(last.Agencies.Skip(lastLeads)).Concat(agencies.Skip(leads ?? 0)).Distinct(StringComparer.Ordinal).ToList();
        tasks[^1] = (last with
        {
            Content = content.Length == 0 ? last.Content : $"{last.Content} {content}",
            Deadline = last.Deadline ?? (time.Length > 0 ? time : null),
            Agencies = all,
            Leads = last.Leads is null && leads is null ? null : lead.Count,
        }, lastSection);
    }

    private static (IReadOnlyList<string> Agencies, int? Leads) AgenciesOf(PlanBlock.Row row, PlanTableColumns layout, bool ownOnly)
    {
        IReadOnlyList<string> Split(int? column) => column is { } c && c < row.Cells.Count && !(ownOnly && row.Continues(c))
            ? PublishedPlanParser.SplitAgencies(row.Cells[c])
            : [];
        if (layout.Lead is { } lead)
        {
            var leads = Split(lead);
            var support = Split(layout.Support).Where(s => !leads.Contains(s, StringComparer.Ordinal)).ToList();
            return ([.. leads, .. support], leads.Count);
        }
        return (Split(layout.Agencies), null);
    }

    /// <summary>The roman numeral of a section row ("I | CÔNG TÁC THI ĐUA", or one merged cell "II. CÔNG TÁC KHEN THƯỞNG").</summary>
    private static string? SectionOf(IReadOnlyList<string> cells, PlanTableColumns layout, string number, string first)
    {
        if (Roman().Match(number) is { Success: true } r && Strip(Cell(cells, layout.Content)).Length > 0)
        {
            return r.Groups["r"].Value;
        }
        if (cells.Count(c => Strip(c).Length > 0) == 1 && SectionText().Match(first) is { Success: true } s)
        {
            return s.Groups["r"].Value;
        }
        return null;
    }

    /// <summary>Whether a cell's text heads a quarter ("QUÝ I", "Quý 2"), as a table's quarter rows do.</summary>
    public static bool IsQuarterRow(string text) => QuarterRow().IsMatch(Strip(text));

    private static string Cell(IReadOnlyList<string> cells, int column) => column < cells.Count ? cells[column] : "";

    private static string Strip(string text) => PublishedPlanParser.Strip(text);

    [GeneratedRegex(@"^QUÝ\s+(?<q>IV|III|II|I|[1-4])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterRow();

    [GeneratedRegex(@"^(?<r>[IVX]{1,5}|[A-Z])\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?<r>[IVX]{1,5}|[A-Z])[.:)]\s*\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SectionText();

    [GeneratedRegex(@"^(?<l>[a-z])[).]?$", RegexOptions.CultureInvariant)]
    private static partial Regex SubItem();
}
