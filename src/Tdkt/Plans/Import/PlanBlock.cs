namespace Tdkt.Plans.Import;

/// <summary>
/// A published plan as a sequence of paragraphs and table rows, whatever file it came in. <see cref="Line"/>
/// is the line number in a text file, or the ordinal of the paragraph or table row in a .docx.
/// </summary>
public abstract record PlanBlock(int Line)
{
    public sealed record Paragraph(int Line, string Text) : PlanBlock(Line);

    public sealed record Row(int Line, IReadOnlyList<string> Cells) : PlanBlock(Line);
}
