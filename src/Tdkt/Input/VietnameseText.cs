using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tdkt.Input;

/// <summary>Text hygiene for Vietnamese input: NFC, whitespace, and ASCII slugs for storage keys.</summary>
public static partial class VietnameseText
{
    /// <summary>NFC-normalised, with every run of white space folded to one space and the ends trimmed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>Lower-case ASCII without diacritics ("Sở Nội vụ" -> "so noi vu"), for matching names loosely.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>A storage-safe slug: [a-z0-9-] only ("252/KH-UBND" -> "252-kh-ubnd").</summary>
    public static string Slug(string text)
    {
        var slug = NonSlug().Replace(Fold(text), "-").Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
