namespace Tdkt.Plans.Import;

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
