using System.IO.Compression;
using Tdkt.Assignments;

namespace Tdkt.Evidence;

/// <summary>
/// Tells a file's kind from its bytes. PDF by its header; PNG and JPEG by their signatures; .docx and .xlsx as Open
/// Packaging archives with their main part, no macros, and parts that expand to at most <see cref="MaxExpandedBytes"/>
/// in total and <see cref="MaxRatio"/> times their compressed size (counted while inflating, not trusted from the
/// archive's directory). Nothing is executed, rendered or kept from the inspection.
/// </summary>
public static class FileCheck
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxExpandedBytes = 100 * 1024 * 1024;
    public const int MaxRatio = 200;
    public const int MaxEntries = 5_000;

    public static FileVerdict Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return Refused(FileRefusal.Empty);
        }
        if (content.Length > MaxBytes)
        {
            return Refused(FileRefusal.TooLarge);
        }
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (IsProgram(head))
        {
            return Refused(FileRefusal.Program);
        }
        // A marker is a claim; the structure decides (FileStructure): a page with "%PDF-" in its first line is no PDF.
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return Checked(EvidenceKind.Pdf, FileStructure.Pdf(content));
        }
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Checked(EvidenceKind.Png, FileStructure.Png(content));
        }
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Checked(EvidenceKind.Jpeg, FileStructure.Jpeg(content));
        }
        return head.StartsWith("PK\x03\x04"u8) ? InspectPackage(content) : Refused(FileRefusal.UnknownType);
    }

    private static bool IsProgram(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                     // Windows .exe, .dll
        || head.StartsWith((byte[])[0x7F, 0x45, 0x4C, 0x46])        // ELF (Linux)
        || head.StartsWith("#!"u8)                                  // scripts
        || head.StartsWith((byte[])[0xCF, 0xFA, 0xED, 0xFE])        // Mach-O 64
        || head.StartsWith((byte[])[0xCE, 0xFA, 0xED, 0xFE])
        || head.StartsWith((byte[])[0xCA, 0xFE, 0xBA, 0xBE]);       // Mach-O universal, Java class

    private static FileVerdict InspectPackage(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return Refused(FileRefusal.Expands);
            }
            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
            {
                return Refused(FileRefusal.UnknownType);
            }
            EvidenceKind? kind = names.Contains("word/document.xml") ? EvidenceKind.Docx : names.Contains("xl/workbook.xml") ? EvidenceKind.Xlsx : null;
            if (kind is null)
            {
                return Refused(FileRefusal.UnknownType);
            }
            if (Expands(archive, content.Length))
            {
                return Refused(FileRefusal.Expands);
            }
            return Checked(kind.Value, FileStructure.Package(archive));
        }
        catch (InvalidDataException)
        {
            return Refused(FileRefusal.Expands);
        }
    }

    /// <summary>Inflates every part into nothing, counting: true as soon as the total passes the bounds.</summary>
    private static bool Expands(ZipArchive archive, long size)
    {
        var limit = Math.Min(MaxExpandedBytes, Math.Max(size, 64 * 1024) * MaxRatio);
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            if (entry.Length > limit)
            {
                return true;
            }
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static FileVerdict Kind(EvidenceKind kind) => new(kind, null);

    private static FileVerdict Checked(EvidenceKind kind, FileRefusal? refusal) => refusal is { } why ? Refused(why) : Kind(kind);

    private static FileVerdict Refused(FileRefusal refusal) => new(null, refusal);
}
