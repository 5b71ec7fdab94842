using System.Globalization;
using System.Text;

namespace Tdkt.Reports;

/// <summary>
/// A progress chart drawn on the server as SVG: one bar per row (an agency, a quarter, the total), split into the
/// categories in their official colours, each part labelled with its count, and a legend. No script, no external
/// resource; every text is escaped. Screen readers get the title and each bar's figures in words.
/// </summary>
public static class ProgressChart
{
    private const int LabelWidth = 260, BarWidth = 440, Row = 26, Bar = 18, Top = 8, Legend = 40;

    public static string Svg(string title, IReadOnlyList<(string Label, ProgressCounts Counts)> rows, IReadOnlyList<ProgressCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(categories);
        var width = LabelWidth + BarWidth + 60;
        var height = Top + rows.Count * Row + Legend;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">");
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, counts) = rows[i];
            var y = Top + i * Row;
            var shown = label.Length > 38 ? label[..37] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">{Escape(shown)}</text>");
            svg.Append("<g>").Append("<title>").Append(Escape($"{label}: " + string.Join(", ", categories.Select(c => $"{Progress.Label(c)} {counts[c]}")))).Append("</title>");
            double x = LabelWidth;
            foreach (var category in categories)
            {
                if (counts[category] == 0 || counts.Total == 0)
                {
                    continue;
                }
                var w = BarWidth * (double)counts[category] / counts.Total;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{Bar}\" fill=\"{Progress.Colour(category)}\"/>");
                if (w >= 22)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.##}\" y=\"{y + 13}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">{counts[category]}</text>");
                }
                x += w;
            }
            svg.Append("</g>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 6}\" y=\"{y + 14}\" font-size=\"12\" fill=\"#555555\">{counts.Total}</text>");
        }
        var lx = 0;
        var ly = Top + rows.Count * Row + 14;
        foreach (var category in categories)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{Progress.Colour(category)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16}\" y=\"{ly + 11}\" font-size=\"12\" fill=\"#1a1a1a\">{Escape(Progress.Label(category))}</text>");
            lx += 16 + Progress.Label(category).Length * 7 + 14;
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The five characters markup gives meaning to; Vietnamese letters stay as they are (the page is UTF-8).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
