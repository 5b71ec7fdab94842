using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tdkt.Input;

/// <summary>Text hygiene for Vietnamese input: NFC, whitespace, and ASCII slugs for storage keys.</summary>
public static partial class VietnameseText
{
    /// <summary>Numbers as Vietnamese write them (100.000).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>NFC-normalised, with every run of white space folded to one space and the ends trimmed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Collapse(text.Normalize(NormalizationForm.FormC), lower: false, dropMarks: false);
    }

    /// <summary>
    /// One pass over the text: every run of white space to one space, the ends trimmed, optionally lower-cased and without
    /// combining marks (a loop, not a regex: cells of thousands of characters are read on every row).
    /// </summary>
    private static string Collapse(string text, bool lower, bool dropMarks)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if ((dropMarks && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) || IsHidden(c))
            {
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(lower ? char.ToLowerInvariant(c) : c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Characters that show nothing and can change what a text reads as: controls, zero-width characters and marks
    /// (U+200B-U+200F), bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: "‮" can make
    /// "fdp.exe" read "exe.pdf"), and the byte-order mark. A plan's or a directory's text never needs them.
    /// </summary>
    private static bool IsHidden(char c) =>
        char.IsControl(c) || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';

    /// <summary>Lower-case ASCII without diacritics ("Sở Nội vụ" -> "so noi vu"), for matching names loosely.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Collapse(text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD), lower: true, dropMarks: true);
    }

    /// <summary>A storage-safe slug: [a-z0-9-] only ("252/KH-UBND" -> "252-kh-ubnd").</summary>
    public static string Slug(string text)
    {
        var slug = NonSlug().Replace(Fold(text), "-").Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
