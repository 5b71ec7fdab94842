using System.Globalization;
using System.Text;

namespace Tdkt.Wording;

/// <summary>Small text rules for mail: header-safe text, counts and percentages in Vietnamese.</summary>
public static class MailText
{
    /// <summary>Header-safe: control characters (CR, LF, tab, …) become single spaces, NFC, trimmed.</summary>
    public static string HeaderSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var control = char.IsControl(c) || c is '\u2028' or '\u2029';
            if (!control)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>"75%": done share of a total, rounded; "-" when there is nothing.</summary>
    public static string Percent(int part, int total) =>
        total == 0 ? "-" : Math.Round(100.0 * part / total, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"Công tác thi đua" -> "công tác thi đua" (but "UBND …" stays), for use after "về".</summary>
    public static string LowerFirst(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..]
            : text;
    }
}
