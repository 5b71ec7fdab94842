namespace Tdkt.Plans.Import;

/// <summary>
/// A paragraph or table row that names an agency or a deadline but did not become a task, with why: what the preview
/// lists as "không đọc thành nhiệm vụ", so that nothing a plan asks of an agency is lost without a word.
/// </summary>
/// <param name="Line">Where it is: the line of a text file, the paragraph or row of a .docx or PDF, the row of a sheet.</param>
/// <param name="Text">Its text, shortened to <see cref="MaxText"/> characters.</param>
/// <param name="Reason">Why it is not a task, in Vietnamese, as a person reads it.</param>
public sealed record UnreadLine(int Line, string Text, string Reason)
{
    public const int MaxText = 200;

    /// <summary>The most lines a preview lists; the count beyond is told.</summary>
    public const int MaxListed = 200;

    public static UnreadLine Of(int line, string text, string reason) =>
        new(line, text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…", reason);

    /// <summary>Where a person finds it in a .docx, PDF or workbook ("trang 2, dòng 14"); null for a text file's line.</summary>
    public string? Where { get; init; }

    /// <summary>Its place as a person reads it: <see cref="Where"/>, else "dòng N".</summary>
    public string Place => Where ?? $"dòng {Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
