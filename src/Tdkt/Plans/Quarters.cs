namespace Tdkt.Plans;

/// <summary>The quarters of a plan year (1 to 4) as plans, pages and reports name them.</summary>
public static class Quarters
{
    private static readonly string[] Numerals = ["I", "II", "III", "IV"];

    /// <summary>"I" … "IV".</summary>
    public static string Roman(int quarter) => quarter is >= 1 and <= 4 ? Numerals[quarter - 1] : throw new ArgumentOutOfRangeException(nameof(quarter));

    /// <summary>The quarter a Roman numeral names (any case), or null.</summary>
    public static int? FromRoman(string? numeral)
    {
        var index = Array.IndexOf(Numerals, numeral?.ToUpperInvariant());
        return index < 0 ? null : index + 1;
    }

    /// <summary>The label a quarter section carries in a published plan: "QUÝ III".</summary>
    public static string Section(int quarter) => "QUÝ " + Roman(quarter);

    /// <summary>A heading on a page or in a report: "Quý III"; the whole year when <paramref name="quarter"/> is null.</summary>
    public static string Heading(int? quarter) => quarter is { } q and >= 1 and <= 4 ? "Quý " + Roman(q) : "Cả năm";
}
