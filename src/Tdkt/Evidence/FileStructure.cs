using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Tdkt.Evidence;

/// <summary>
/// The structure a file must have to be what its first bytes claim (<see cref="FileCheck"/>): markers are not enough.
/// A PDF starts with its header, ends with its trailer (<c>startxref</c>, <c>%%EOF</c>) and holds no JavaScript, action
/// that launches anything, embedded file, nor a ZIP archive (a PDF/ZIP polyglot), also inside its compressed streams. An
/// OOXML package holds no macro part (by name, by content type, by relationship) and no relationship to anything outside
/// it but hyperlinks (an external template runs its macros). A PNG is its chunks from IHDR to IEND; a JPEG its segments
/// from SOI to EOI with a frame.
/// </summary>
public static partial class FileStructure
{
    /// <summary>What a PDF's stream may inflate to, in all, while it is searched.</summary>
    private const long MaxInflated = 50 * 1024 * 1024;

    public static FileRefusal? Pdf(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.AsSpan().StartsWith("%PDF-"u8))
        {
            return FileRefusal.UnknownType;
        }
        // The trailer closes the file: "startxref", its offset, "%%EOF" (a few bytes of padding may follow).
        if (content.AsSpan(Math.Max(0, content.Length - 1024)).IndexOf("%%EOF"u8) < 0
            || content.AsSpan(Math.Max(0, content.Length - 2048)).IndexOf("startxref"u8) < 0)
        {
            return FileRefusal.UnknownType;
        }
        if (content.AsSpan().IndexOf("PK\x03\x04"u8) >= 0 && content.AsSpan().IndexOf("PK\x05\x06"u8) >= 0)
        {
            return FileRefusal.ActiveContent;
        }
        if (HasActiveName(Encoding.Latin1.GetString(content)))
        {
            return FileRefusal.ActiveContent;
        }
        long inflated = 0;
        foreach (var stream in Streams(content))
        {
            if (Inflate(stream, MaxInflated - inflated) is not { } text)
            {
                continue;
            }
            inflated += text.Length;
            if (HasActiveName(text) || text.Contains("PK\x05\x06", StringComparison.Ordinal))
            {
                return FileRefusal.ActiveContent;
            }
            if (inflated >= MaxInflated)
            {
                return FileRefusal.Expands;
            }
        }
        return null;
    }

    /// <summary>A name that runs or carries something: written plainly or with #-escapes ("/J#61vaScript").</summary>
    private static bool HasActiveName(string text)
    {
        foreach (Match name in PdfName().Matches(text))
        {
            var decoded = name.Value.Contains('#', StringComparison.Ordinal) ? HexEscape().Replace(name.Value, m => ((char)Convert.ToInt32(m.Value[1..], 16)).ToString()) : name.Value;
            if (decoded is "/JavaScript" or "/JS" or "/EmbeddedFile" or "/EmbeddedFiles" or "/Launch" or "/RichMedia" or "/XFA" or "/SubmitForm" or "/ImportData")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The bytes between each "stream" keyword's line end and its "endstream".</summary>
    private static IEnumerable<ArraySegment<byte>> Streams(byte[] content)
    {
        var at = 0;
        while (at < content.Length)
        {
            var start = content.AsSpan(at).IndexOf("stream"u8);
            if (start < 0)
            {
                yield break;
            }
            start += at + "stream".Length;
            if (start > 9 && content.AsSpan(start - 9, 3).SequenceEqual("end"u8))
            {
                at = start;
                continue;
            }
            if (start < content.Length && content[start] == '\r')
            {
                start++;
            }
            if (start < content.Length && content[start] == '\n')
            {
                start++;
            }
            var end = content.AsSpan(start).IndexOf("endstream"u8);
            if (end < 0)
            {
                yield break;
            }
            yield return new ArraySegment<byte>(content, start, end);
            at = start + end + "endstream".Length;
        }
    }

    /// <summary>A zlib (FlateDecode) stream's text, at most <paramref name="limit"/> characters; null when it is not one.</summary>
    private static string? Inflate(ArraySegment<byte> stream, long limit)
    {
        if (stream.Count < 2 || (stream[0] & 0x0F) != 8 || ((stream[0] << 8) | stream[1]) % 31 != 0)
        {
            return null;
        }
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(stream.Array!, stream.Offset, stream.Count, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0 && output.Length < limit)
            {
                output.Write(buffer, 0, read);
            }
            return Encoding.Latin1.GetString(output.GetBuffer(), 0, (int)output.Length);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// An OOXML package (its main part found already): no macro part by name or content type, no relationship to a macro
    /// or an ActiveX or OLE part, and no external target other than a hyperlink.
    /// </summary>
    public static FileRefusal? Package(ZipArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (name.Contains("vba", StringComparison.OrdinalIgnoreCase))
            {
                return FileRefusal.Macros;
            }
            // A binary part is an OLE object or ActiveX control (code that runs in Office), except the printer's settings.
            if (name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && !name.Contains("/printerSettings/", StringComparison.OrdinalIgnoreCase))
            {
                return FileRefusal.ActiveContent;
            }
            if (!name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var xml = Read(entry);
            if (xml is null)
            {
                return FileRefusal.Expands;
            }
            if (MacroType().IsMatch(xml))
            {
                return FileRefusal.Macros;
            }
            foreach (Match relationship in ExternalRelationship().Matches(xml))
            {
                if (!relationship.Value.Contains("/relationships/hyperlink\"", StringComparison.OrdinalIgnoreCase))
                {
                    return FileRefusal.ActiveContent;
                }
            }
        }
        return null;
    }

    /// <summary>A small XML part's text, or null when it is larger than any such part is.</summary>
    private static string? Read(ZipArchiveEntry entry)
    {
        if (entry.Length > 4 * 1024 * 1024)
        {
            return null;
        }
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A PNG from its signature: chunks whose lengths add up, IHDR first, IEND last.</summary>
    public static FileRefusal? Png(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var at = 8;
        var first = true;
        while (at + 12 <= content.Length)
        {
            var length = (content[at] << 24) | (content[at + 1] << 16) | (content[at + 2] << 8) | content[at + 3];
            var type = Encoding.ASCII.GetString(content, at + 4, 4);
            if (length < 0 || at + 12L + length > content.Length || first && type != "IHDR")
            {
                return FileRefusal.UnknownType;
            }
            first = false;
            at += 12 + length;
            if (type == "IEND")
            {
                return null;
            }
        }
        return FileRefusal.UnknownType;
    }

    /// <summary>A JPEG from SOI: segments whose lengths add up to a frame (SOF) and the scan, and EOI at the end.</summary>
    public static FileRefusal? Jpeg(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var at = 2;
        var frame = false;
        while (at + 4 <= content.Length && content[at] == 0xFF)
        {
            var marker = content[at + 1];
            if (marker == 0xDA)
            {
                // The scan runs to the end: the file must end with EOI (trailing padding allowed).
                var end = content.AsSpan(at).LastIndexOf((byte[])[0xFF, 0xD9]);
                return frame && end >= 0 ? null : FileRefusal.UnknownType;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                frame = true;
            }
            var length = (content[at + 2] << 8) | content[at + 3];
            if (length < 2)
            {
                return FileRefusal.UnknownType;
            }
            at += 2 + length;
        }
        return FileRefusal.UnknownType;
    }

    [GeneratedRegex(@"/[A-Za-z0-9#]+")]
    private static partial Regex PdfName();

    [GeneratedRegex(@"#[0-9A-Fa-f]{2}")]
    private static partial Regex HexEscape();

    [GeneratedRegex(@"vbaProject|macroEnabled|vbaData|/relationships/(?:activeXControl|oleObject|vbaProject)""|ms-office\.activeX", RegexOptions.IgnoreCase)]
    private static partial Regex MacroType();

    [GeneratedRegex(@"<Relationship\b[^>]*TargetMode\s*=\s*""External""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalRelationship();
}
