using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tdkt.Plans.Import;

/// <summary>
/// A paragraph's text as the reader sees it, with its automatic list number: Word and LibreOffice keep "1.", "a)" or
/// "II." of a numbered list (the TT column of a plan table, often) in the numbering definitions, not in the text.
/// Counters follow the document order, per abstract list, restarting deeper levels and honouring start overrides.
/// </summary>
public sealed class DocxNumbering
{
    private sealed record Level(NumberFormatValues Format, string Text, int Start);

    private readonly Dictionary<int, (int Abstract, Dictionary<int, int> Starts)> instances = [];
    private readonly Dictionary<int, Dictionary<int, Level>> lists = [];
    private readonly Dictionary<string, (int NumId, int Level)?> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Style> styleById = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> started = [];

    public DocxNumbering(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        foreach (var list in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (list.AbstractNumberId?.Value is not { } id)
            {
                continue;
            }
            var levels = new Dictionary<int, Level>();
            foreach (var level in list.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>())
            {
                levels[level.LevelIndex?.Value ?? 0] = new Level(
                    level.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal,
                    level.LevelText?.Val?.Value ?? "",
                    level.StartNumberingValue?.Val?.Value ?? 1);
            }
            lists[id] = levels;
        }
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (instance.NumberID?.Value is { } numId && instance.AbstractNumId?.Val?.Value is { } abstractId)
            {
                var starts = instance.Elements<LevelOverride>()
                    .Where(o => o.StartOverrideNumberingValue?.Val?.Value is not null)
                    .ToDictionary(o => o.LevelIndex?.Value ?? 0, o => o.StartOverrideNumberingValue!.Val!.Value);
                instances[numId] = (abstractId, starts);
            }
        }
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                styleById[id] = style;
            }
        }
    }

    /// <summary>The paragraph's text: its list number if it has one, then its runs; soft line breaks as new lines.</summary>
    public string TextOf(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var text = string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            TabChar => " ",
            Break or CarriageReturn => "\n",
            NoBreakHyphen => "-",
            _ => "",
        }));
        return Label(paragraph) is { Length: > 0 } label ? label + " " + text : text;
    }

    private string? Label(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties?.NumberingProperties;
        (int NumId, int Level)? reference = properties?.NumberingId?.Val?.Value is { } direct
            ? (direct, properties.NumberingLevelReference?.Val?.Value ?? 0)
            : StyleNumbering(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value, properties?.NumberingLevelReference?.Val?.Value);
        if (reference is not { } r || r.NumId == 0 || !instances.TryGetValue(r.NumId, out var instance)
            || !lists.TryGetValue(instance.Abstract, out var levels) || !levels.TryGetValue(r.Level, out var level))
        {
            return null;
        }
        if (!counters.TryGetValue(instance.Abstract, out var counts))
        {
            counters[instance.Abstract] = counts = new int?[10];
        }
        if (started.Add(r.NumId))
        {
            foreach (var (at, start) in instance.Starts.Where(s => s.Key is >= 0 and < 10))
            {
                counts[at] = start - 1;
            }
        }
        var levelIndex = Math.Clamp(r.Level, 0, 9);
        counts[levelIndex] = counts[levelIndex] is { } n ? n + 1 : level.Start;
        for (var deeper = levelIndex + 1; deeper < counts.Length; deeper++)
        {
            counts[deeper] = null;
        }
        if (level.Format == NumberFormatValues.Bullet)
        {
            return "-";
        }
        if (level.Format == NumberFormatValues.None)
        {
            return null;
        }
        var label = level.Text;
        for (var k = 9; k >= 1; k--)
        {
            var placeholder = "%" + k.ToString(CultureInfo.InvariantCulture);
            if (label.Contains(placeholder, StringComparison.Ordinal))
            {
                var of = levels.GetValueOrDefault(k - 1) ?? level;
                label = label.Replace(placeholder, Format(counts[k - 1] ?? of.Start, of.Format), StringComparison.Ordinal);
            }
        }
        return label.Trim();
    }

    /// <summary>The list a paragraph style (or a style it is based on) numbers its paragraphs with.</summary>
    private (int NumId, int Level)? StyleNumbering(string? styleId, int? level)
    {
        if (styleId is null)
        {
            return null;
        }
        if (!styles.TryGetValue(styleId, out var found))
        {
            found = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var id = styleId; id is not null && seen.Add(id) && styleById.TryGetValue(id, out var style); id = style.BasedOn?.Val?.Value)
            {
                if (style.StyleParagraphProperties?.NumberingProperties is { } numbered && numbered.NumberingId?.Val?.Value is { } numId)
                {
                    found = (numId, numbered.NumberingLevelReference?.Val?.Value ?? 0);
                    break;
                }
            }
            styles[styleId] = found;
        }
        return found is { } f && level is { } l ? (f.NumId, l) : found;
    }

    private static string Format(int n, NumberFormatValues format)
    {
        if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
        {
            var letter = ((char)('a' + ((Math.Max(n, 1) - 1) % 26))).ToString();
            return format == NumberFormatValues.UpperLetter ? letter.ToUpperInvariant() : letter;
        }
        if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
        {
            var roman = Roman(n);
            return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
        }
        if (format == NumberFormatValues.DecimalZero)
        {
            return n.ToString("00", CultureInfo.InvariantCulture);
        }
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Roman(int n)
    {
        ReadOnlySpan<(int Value, string Numeral)> numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var builder = new System.Text.StringBuilder();
        foreach (var (value, numeral) in numerals)
        {
            for (; n >= value; n -= value)
            {
                builder.Append(numeral);
            }
        }
        return builder.ToString();
    }
}
