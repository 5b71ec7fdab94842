using System.Text;
using Tdkt.Assignments;

namespace Tdkt.Evidence;

/// <summary>
/// The name a file is kept and offered under: the last segment of what the browser sent, NFC, without control or
/// bidirectional-control characters, characters Windows refuses, leading dots or a device name, at most
/// <see cref="MaxLength"/> characters, and ending in the extension of its kind as its content says (a PDF named
/// "hoso.exe" is offered as "hoso.pdf").
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;
    private const string Fallback = "tep-dinh-kem";
    private static readonly string[] Devices = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    public static string For(string? sent, EvidenceKind kind)
    {
        var name = (sent ?? "").Replace('\\', '/');
        // Typed text's cleaning (NFC, no control or bidi-control characters), then what a file name must not hold either.
        name = Completion.CompletionService.Clean(name[(name.LastIndexOf('/') + 1)..], 1000, singleLine: true) ?? "";
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '\uFEFF' or >= '\u200B' and <= '\u200F')
            {
                continue;
            }
            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : char.IsWhiteSpace(c) ? ' ' : c);
        }
        var clean = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var dot = clean.LastIndexOf('.');
        var stem = (dot > 0 ? clean[..dot] : clean).Trim().TrimStart('.').TrimEnd('.', ' ');
        var extension = EvidenceKinds.Extension(kind);
        if (stem.Length == 0)
        {
            stem = Fallback;
        }
        if (Devices.Contains(stem.Split('.')[0], StringComparer.OrdinalIgnoreCase))
        {
            stem = "_" + stem;
        }
        if (stem.Length > MaxLength - extension.Length)
        {
            stem = stem[..(MaxLength - extension.Length)];
            // Never end on half of a surrogate pair.
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }
        return stem + extension;
    }

    /// <summary>An ASCII-only form for the plain <c>filename=</c> parameter (old clients); the real name goes in <c>filename*</c>.</summary>
    public static string Ascii(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c < 128 && c >= 32 && c is not ('"' or '\\' or ';' or '%'))
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append('_');
            }
        }
        return builder.ToString();
    }
}
