using System.IO.Compression;
using System.Text;
using Tdkt.Assignments;
using Tdkt.Evidence;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Evidence;

/// <summary>Files that carry a marker but not the structure, and files that run or reach out when opened: refused by what they are.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class FileStructureTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] PdfWith(string extraObject) =>
        Ascii(Encoding.ASCII.GetString(EvidenceFixtures.Pdf()).Replace("trailer", $"6 0 obj\n{extraObject}\nendobj\ntrailer", StringComparison.Ordinal));

    private static byte[] Deflated(string text)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes(text));
        }
        return memory.ToArray();
    }

    public static TheoryData<string, byte[], FileRefusal> Refused() => new()
    {
        { "HTML with the marker in its first line", Ascii("<html><!-- %PDF-1.7 --><script>alert(1)</script></html>"), FileRefusal.UnknownType },
        { "SVG with the marker", Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- %PDF-1.4 --><script>x()</script></svg>"), FileRefusal.UnknownType },
        { "a batch file with the marker", Ascii("@echo off\r\nrem %PDF-1.4\r\ndel /q C:\\*\r\n"), FileRefusal.UnknownType },
        { "a PDF cut short (no trailer)", EvidenceFixtures.Pdf()[..200], FileRefusal.UnknownType },
        { "a PDF with JavaScript", PdfWith("<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"), FileRefusal.ActiveContent },
        { "a PDF with JavaScript written with #-escapes", PdfWith("<< /S /J#61vaScript /J#53 (x) >>"), FileRefusal.ActiveContent },
        { "a PDF with an embedded file", PdfWith("<< /Type /EmbeddedFile /Length 3 >>"), FileRefusal.ActiveContent },
        { "a PDF launching a program", PdfWith("<< /S /Launch /F (cmd.exe) >>"), FileRefusal.ActiveContent },
        { "a PDF hiding JavaScript in a compressed stream", Compressed("<< /S /JavaScript /JS (x) >>"), FileRefusal.ActiveContent },
        { "a PDF/ZIP polyglot with a macro project", Polyglot(), FileRefusal.ActiveContent },
        { "a .docx with its VBA part renamed", Docx(("word/code.dat", "VBA"), contentTypes: "<Override PartName=\"/word/code.dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"), FileRefusal.Macros },
        { "a .docx pointing at an external template", Docx(("word/_rels/settings.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://ke-gian.invalid/t.dotm\" TargetMode=\"External\"/></Relationships>")), FileRefusal.ActiveContent },
        { "a .docx with an OLE object", Docx(("word/embeddings/oleObject1.bin", "OLE")), FileRefusal.ActiveContent },
        { "a PNG that is only its signature", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], FileRefusal.UnknownType },
        { "a JPEG that is only its markers", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46], FileRefusal.UnknownType },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_file_that_only_claims_a_type_or_carries_active_content_is_refused(string what, byte[] content, FileRefusal refusal) =>
        Assert.True(FileCheck.Inspect(content) == new FileVerdict(null, refusal), $"{what}: {FileCheck.Inspect(content)}");

    [Fact]
    public void Plain_files_pass_a_hyperlink_in_a_docx_included()
    {
        var hyperlink = Docx(("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/></Relationships>"));

        Assert.Equal(new FileVerdict(EvidenceKind.Pdf, null), FileCheck.Inspect(EvidenceFixtures.Pdf()));
        Assert.Equal(new FileVerdict(EvidenceKind.Pdf, null), FileCheck.Inspect(Compressed("BT /F1 18 Tf (Bao cao) Tj ET")));
        Assert.Equal(new FileVerdict(EvidenceKind.Docx, null), FileCheck.Inspect(hyperlink));
        Assert.Equal(new FileVerdict(EvidenceKind.Png, null), FileCheck.Inspect(Png()));
    }

    /// <summary>The fixture PDF with one more object whose stream is deflated text.</summary>
    private static byte[] Compressed(string text)
    {
        var pdf = EvidenceFixtures.Pdf();
        var at = Encoding.ASCII.GetString(pdf).IndexOf("trailer", StringComparison.Ordinal);
        var stream = Deflated(text);
        using var memory = new MemoryStream();
        memory.Write(pdf, 0, at);
        memory.Write(Ascii($"6 0 obj\n<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n"));
        memory.Write(stream);
        memory.Write(Ascii("\nendstream\nendobj\n"));
        memory.Write(pdf, at, pdf.Length - at);
        return memory.ToArray();
    }

    /// <summary>A PDF whose bytes are also a ZIP archive holding a macro project (the archive in a stream, its directory at the end).</summary>
    private static byte[] Polyglot()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = archive.CreateEntry("word/vbaProject.bin", CompressionLevel.NoCompression).Open();
            part.Write("VBA"u8);
        }
        var pdf = EvidenceFixtures.Pdf();
        return [.. pdf[..^6], .. zip.ToArray(), .. Ascii("\n%%EOF\n")];
    }

    private static byte[] Docx((string Name, string Text) extra, string contentTypes = "")
    {
        var docx = EvidenceFixtures.Docx();
        using var memory = new MemoryStream();
        memory.Write(docx);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            if (contentTypes.Length > 0)
            {
                var types = zip.GetEntry("[Content_Types].xml")!;
                string xml;
                using (var reader = new StreamReader(types.Open()))
                {
                    xml = reader.ReadToEnd();
                }
                types.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
                writer.Write(xml.Replace("</Types>", contentTypes + "</Types>", StringComparison.Ordinal));
            }
            using var stream = zip.CreateEntry(extra.Name).Open();
            stream.Write(Encoding.UTF8.GetBytes(extra.Text));
        }
        return memory.ToArray();
    }

    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
