using System.IO.Compression;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Bounds on an Office Open XML package (.docx, .xlsx), checked before it is opened: a small file that unpacks to
/// gigabytes, or holds thousands of parts, is refused with a message, not read.
/// </summary>
public static class OpenXmlPackages
{
    /// <summary>The most a part may hold once unpacked (a 26-task plan's document.xml or sheet1.xml is well under 1 MB).</summary>
    public const long MaxPartBytes = 16 * 1024 * 1024;

    /// <summary>The most the whole package may hold once unpacked.</summary>
    public const long MaxUnpackedBytes = 48 * 1024 * 1024;

    public const int MaxParts = 1_000;

    /// <summary>
    /// Throws <see cref="InputRejectedException"/> when the package is not a zip, or unpacks past the bounds; the message
    /// names the file's extension (".docx", ".xlsx") and what it should be ("tài liệu Word").
    /// </summary>
    public static void CheckUnpackedSize(byte[] bytes, string file, string extension, string kind)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
            {
                throw Rejected(file, $"Tệp {extension} có {zip.Entries.Count} phần, vượt giới hạn {MaxParts}: không phải một kế hoạch bình thường.");
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // Counted while unpacking, not taken from the header, which a crafted file can understate.
                long size = 0;
                using var part = entry.Open();
                for (int read; (read = part.Read(buffer)) > 0;)
                {
                    size += read;
                    total += read;
                    if (size > MaxPartBytes || total > MaxUnpackedBytes)
                    {
                        throw Rejected(file, $"Tệp {extension} giải nén ra quá lớn (phần {entry.FullName} vượt {MaxPartBytes / 1024 / 1024} MB hoặc cả tệp vượt "
                            + $"{MaxUnpackedBytes / 1024 / 1024} MB): không phải một kế hoạch bình thường.");
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Rejected(file, $"Tệp {extension} bị hỏng hoặc không phải {kind}.");
        }
    }

    private static InputRejectedException Rejected(string file, string message) => new([new InputError(file, null, "file", message)]);
}
