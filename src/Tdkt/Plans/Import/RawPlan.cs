namespace Tdkt.Plans.Import;

/// <summary>
/// A plan as an importer read it, before any rule is applied: every format (published text, .docx,
/// YAML, JSON, CSV) produces this, and <see cref="PlanBuilder"/> validates it the same way for all.
/// </summary>
public sealed record RawPlan(
    string? Id,
    string? Number,
    string? Title,
    string? Issuer,
    string? IssuedOn,
    int? Year,
    string? Status,
    IReadOnlyList<RawTask> Tasks,
    int? Line = null)
{
    /// <summary>How many tasks the file has: a reader stops building tasks past the limit, and only counts the rest.</summary>
    public int? TasksInFile { get; init; }

    public int TaskCount => Math.Max(TasksInFile ?? 0, Tasks.Count);

    /// <summary>Paragraphs and rows that name an agency or a deadline but were not read as tasks, with why (published formats).</summary>
    public IReadOnlyList<UnreadLine> NotRead { get; init; } = [];

    /// <summary>For a school year's plan ("năm học 2025 - 2026"): the year it starts in; its plan year is the one it ends in.</summary>
    public int? SchoolYearStart { get; init; }

    /// <summary>For a .docx, PDF or workbook: where each line number is, as a person finds it ("trang 2, dòng 14").</summary>
    public IReadOnlyDictionary<int, string> Places { get; init; } = new Dictionary<int, string>();
}
