using System.Net;
using System.Text;

namespace Tdkt.Tests.Hostile;

/// <summary>
/// The hostile-input corpus for plan uploads: each case turns the real seed plan into a hostile file (legacy
/// encodings, oversized, too many rows, broken markup, impossible dates, unknown agencies) and names the HTTP
/// status and the start of the error it must get ("file:line:field: message").
/// </summary>
public static class HostileInputs
{
    public delegate (byte[] Body, string ContentType, HttpStatusCode Status, string Error) HostileCase(string seed);

    /// <summary>Unclosed and stray markup around the quarter headings: tolerated, the tags are dropped.</summary>
    public static string BrokenHtml(string seed) =>
        System.Text.RegularExpressions.Regex.Replace(seed, @"(QUÝ [IV]+)", "<div><table><tr><td><ul><li><b><i>$1</td></table></table></b></span>");

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string CsvHeader = "# number: 252/KH-UBND\n# title: Công tác thi đua, khen thưởng năm 2023\n# issuer: Ủy ban nhân dân tỉnh Lạng Sơn\n"
        + "# issuedOn: 2022-12-21\n# year: 2023\nnumber,quarter,deadline,due,content,agencies\n";

    /// <summary>A minimal Word package whose document body is <paramref name="body"/> (left unclosed, or with a DTD, when asked).</summary>
    public static byte[] Docx(string body, bool close = true, string doctype = "")
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{doctype}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + (close ? "</w:body></w:document>" : ""));
        }
        return buffer.ToArray();
    }

    public static readonly IReadOnlyDictionary<string, HostileCase> PlanCases = new Dictionary<string, HostileCase>(StringComparer.Ordinal)
    {
        // "Sở Nội vụ" typed with the TCVN3 (ABC) font encoding, then the VNI one.
        ["tcvn3.txt"] = _ => ([0x53, 0xEB, 0x20, 0x4E, 0xE9, 0x69, 0x20, 0x76, 0xF4, 0x2C, 0x20, 0xA7, 0xB5, 0x6F, 0x20, 0x74, 0xB9, 0x6F], "text/plain",
            HttpStatusCode.BadRequest, "tcvn3.txt:0:encoding: Tệp không phải Unicode: có vẻ là bảng mã TCVN3 (ABC). Hãy chuyển sang Unicode (UTF-8), ví dụ bằng chức năng chuyển mã của Unikey, rồi nhập lại."),
        ["vni.txt"] = _ => ([0x53, 0xF4, 0xFB, 0x20, 0x4E, 0x6F, 0xE4, 0x69, 0x20, 0x76, 0x75, 0xEF, 0x20, 0x4C, 0x61, 0xEF, 0x6E, 0x67, 0x20, 0x53, 0xF4, 0x6E], "text/plain",
            HttpStatusCode.BadRequest, "vni.txt:0:encoding: Tệp không phải Unicode: có vẻ là bảng mã VNI. Hãy chuyển sang Unicode (UTF-8)"),
        ["50mb.txt"] = seed => (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seed, 50 * 1024 * 1024 / Encoding.UTF8.GetByteCount(seed) + 1))),
            "text/plain", HttpStatusCode.RequestEntityTooLarge, "50mb.txt:0:file: Tệp vượt giới hạn 5 MB."),
        ["100000-rows.csv"] = _ => (Encoding.UTF8.GetBytes(
            "# number: 252/KH-UBND\n# title: Công tác thi đua, khen thưởng năm 2023\n# issuer: Ủy ban nhân dân tỉnh Lạng Sơn\n# issuedOn: 2022-12-21\n# year: 2023\n"
            + "number,quarter,deadline,due,content,agencies\n" + string.Concat(Enumerable.Range(1, 100_000).Select(i => $"{i},1,,,Nhiệm vụ {i},so-noi-vu\n"))),
            "text/csv", HttpStatusCode.BadRequest, "100000-rows.csv:1:tasks: Kế hoạch có 100000 nhiệm vụ, vượt giới hạn 5000."),
        ["31-02.txt"] = seed => (Encoding.UTF8.GetBytes(seed.Replace("trước ngày **15/01/2023**", "trước ngày **31/02/2023**", StringComparison.Ordinal)), "text/plain",
            HttpStatusCode.BadRequest, "31-02.txt:96:content: Ngày không tồn tại trong “trước ngày 31/02/2023”."),
        ["unknown-agency.txt"] = seed => (Encoding.UTF8.GetBytes(seed.Replace("Sở Nội vụ", "Sở Nội Vụu", StringComparison.Ordinal)), "text/plain",
            HttpStatusCode.BadRequest, "unknown-agency.txt:58:agencies: Không có cơ quan “Sở Nội Vụu” trong danh bạ. Có phải: Sở Nội vụ?"),
        ["crlf-in-name.txt"] = seed => (Encoding.UTF8.GetBytes(seed.Replace("Sở Nội vụ", "Sở Nội\r\nBcc: x@example.org", StringComparison.Ordinal)), "text/plain",
            HttpStatusCode.BadRequest, "crlf-in-name.txt:58:agencies: Không có cơ quan “Sở Nội” trong danh bạ. Có phải: Sở Nội vụ?"),
        ["empty.txt"] = _ => ([], "text/plain", HttpStatusCode.BadRequest, "empty.txt:1:tasks: Kế hoạch không có nhiệm vụ nào."),
        // Hostile sizes: each is refused with one short answer, before anything large is built.
        ["empty-rows.csv"] = _ => (Encoding.UTF8.GetBytes(CsvHeader + string.Concat(Enumerable.Repeat(",,,,,\n", 150_000))),
            "text/csv", HttpStatusCode.BadRequest, "empty-rows.csv:1:tasks: Kế hoạch có 150000 nhiệm vụ, vượt giới hạn 5000."),
        ["empty-tasks.json"] = _ => (Encoding.UTF8.GetBytes(
            "{\"number\":\"1/KH\",\"title\":\"t\",\"issuer\":\"i\",\"issuedOn\":\"2022-12-21\",\"year\":2023,\"tasks\":[" + string.Join(",", Enumerable.Repeat("{}", 1_600_000)) + "]}"),
            "application/json", HttpStatusCode.BadRequest, "empty-tasks.json:0:tasks: Kế hoạch có 1600000 nhiệm vụ, vượt giới hạn 5000."),
        ["bomb.docx"] = _ => (Docx(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Sở Nội vụ</w:t></w:r></w:p>", 500_000))), DocxType,
            HttpStatusCode.BadRequest, "bomb.docx:0:file: Tệp .docx giải nén ra quá lớn (phần word/document.xml vượt 16 MB"),
        ["truncated.docx"] = _ => (Docx("<w:p><w:r><w:t>Sở Nội vụ", close: false), DocxType,
            HttpStatusCode.BadRequest, "truncated.docx:0:file: Tệp .docx bị hỏng: phần nội dung không đọc được (dòng 1, cột"),
        ["dtd.docx"] = _ => (Docx("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>", doctype: "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"),
            DocxType, HttpStatusCode.BadRequest, "dtd.docx:0:file: Tệp .docx chứa khai báo DTD trong phần nội dung: không được phép vì lý do an toàn."),
        // "… của A" then " về x" 20,000 times took the reference pattern seconds; a paragraph that long is refused first.
        ["long-reference.txt"] = seed => (Encoding.UTF8.GetBytes(seed.Replace("\nII. NỘI DUNG", "\nKế hoạch số 1/KH ngày 01/01/2023 của A" + string.Concat(Enumerable.Repeat(" về x", 20_000)) + "\nII. NỘI DUNG", StringComparison.Ordinal)),
            "text/plain", HttpStatusCode.BadRequest, "long-reference.txt:54:paragraph: Đoạn văn dài 100.038 ký tự, vượt giới hạn 8.000 ký tự"),
        // A cell listing an agency 720 times (7,920 characters, under the cell bound): refused by count, not resolved 720 times.
        ["long-agency-list.txt"] = seed => (Encoding.UTF8.GetBytes(seed.Replace("\t- Hội đồng TĐKT tỉnh. - Sở Nội vụ.", "\t" + string.Concat(Enumerable.Repeat("Sở Nội vụ, ", 720)).TrimEnd(' ', ','), StringComparison.Ordinal)),
            "text/plain", HttpStatusCode.BadRequest, "long-agency-list.txt:60:agencies: Ô cơ quan liệt kê 720 tên, vượt giới hạn 200 cơ quan cho một nhiệm vụ."),
        ["binary.pdf"] = _ => ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37], "application/pdf", HttpStatusCode.BadRequest, "binary.pdf:0:file: Tệp PDF bị hỏng hoặc không phải PDF: mở bằng trình đọc PDF để kiểm tra, hoặc nhập bản .docx của văn bản."),
    };
}
