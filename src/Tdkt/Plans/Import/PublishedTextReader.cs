namespace Tdkt.Plans.Import;

/// <summary>Reads a plan published as text: one paragraph per line, table rows as tab-separated cells.</summary>
public static class PublishedTextReader
{
    public static IReadOnlyList<PlanBlock> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<PlanBlock>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            blocks.Add(line.Contains('\t', StringComparison.Ordinal)
                ? new PlanBlock.Row(i + 1, line.Split('\t'))
                : new PlanBlock.Paragraph(i + 1, line));
        }
        return blocks;
    }
}
