using NodaTime;

namespace Tdkt.Reports.Official;

/// <summary>Figures and dates in words, as an administrative document writes them.</summary>
public static class VietnameseWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Groups = ["", " nghìn", " triệu", " tỷ"];

    /// <summary>"hai mươi sáu", "một trăm linh năm", "một nghìn không trăm hai mươi tư" (numbers from 0 to 999,999,999,999).</summary>
    public static string Number(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999_999_999_999L);
        if (value == 0)
        {
            return Digits[0];
        }
        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }
        var words = new List<string>();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0)
            {
                continue;
            }
            // A group after a higher one is read in full: 1 005 is "một nghìn không trăm linh năm".
            words.Add(Hundreds(groups[i], full: i < groups.Count - 1) + Groups[i]);
        }
        return string.Join(" ", words);
    }

    /// <summary>"26 (hai mươi sáu)": a figure followed by its words, as a report gives counts.</summary>
    public static string Figure(long value) => $"{value:N0} ({Number(value)})".Replace(',', '.');

    /// <summary>
    /// "ngày 03 tháng 4 năm 2023": the date line of a document (Decree 30/2020: a day below 10 and the months 1 and 2
    /// are written with a leading zero).
    /// </summary>
    public static string Date(LocalDate date) =>
        $"ngày {date.Day:D2} tháng {(date.Month <= 2 ? date.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))} năm {date.Year}";

    private static string Hundreds(int n, bool full)
    {
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds] + " trăm");
        }
        if (tens == 0)
        {
            if (units > 0)
            {
                if (parts.Count > 0)
                {
                    parts.Add("linh");
                }
                parts.Add(Digits[units]);
            }
            return string.Join(" ", parts);
        }
        parts.Add(tens == 1 ? "mười" : Digits[tens] + " mươi");
        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens > 1 => "mốt",
                4 when tens > 1 => "tư",
                5 => "lăm",
                _ => Digits[units],
            });
        }
        return string.Join(" ", parts);
    }
}
