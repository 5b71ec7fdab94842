using System.Globalization;

namespace Tdkt.Wording;

/// <summary>Numbers as Vietnamese text writes them: a decimal comma ("12,5"), never the machine's culture.</summary>
public static class VietnameseNumbers
{
    /// <summary>"12,5": one decimal, with a comma.</summary>
    public static string OneDecimal(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>"12,5": the same for a double.</summary>
    public static string OneDecimal(double value) => OneDecimal((decimal)value);

    /// <summary>"12,5 %": a share as the report's text, the console and the HTML report write it.</summary>
    public static string Percent(decimal value) => OneDecimal(value) + " %";

    /// <summary>"12,5%": a share in a table cell of the report upward (.docx), where it must not wrap.</summary>
    public static string PercentInCell(decimal value) => OneDecimal(value) + "%";
}
