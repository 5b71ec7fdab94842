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

/// <summary>
/// One task as read. <see cref="Line"/> and <see cref="Path"/> locate it for error messages: a line number for text
/// formats, or a path such as "tasks[3]" for JSON. <see cref="Deadline"/> is the phrase as written,
/// if the format has one; <see cref="Due"/> is an optional stated due date that must agree with it.
/// <see cref="Key"/> is an optional explicit identity (YAML, JSON, CSV) that survives renumbering.
/// </summary>
public sealed record RawTask(
    int? Line,
    string Path,
    string? Number,
    int? Quarter,
    string? Content,
    string? Deadline,
    string? Due,
    IReadOnlyList<string> Agencies,
    string? Key = null)
{
    /// <summary>A recurring duty's due dates as a canonical file states them (ISO), checked against its phrase; null when not stated.</summary>
    public IReadOnlyList<string>? Occurrences { get; init; }

    /// <summary>How many of <see cref="Agencies"/>, from the first, lead the task ("chủ trì"); null: the first leads.</summary>
    public int? Leads { get; init; }
}
