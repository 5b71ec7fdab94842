using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tdkt.Assignments;
using Tdkt.Evidence;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Evidence;

/// <summary>Files made by other programs, not for these tests: the province's published plan (Word and its PDF), LibreOffice's PDFs, a workbook from the Open XML SDK.</summary>
public sealed class FileCheckTests
{
    [Theory]
    [InlineData("samples/plans/lang-son-2025-230-kh-ubnd.docx", EvidenceKind.Docx)]
    [InlineData("samples/plans/lang-son-2025-230-kh-ubnd.pdf", EvidenceKind.Pdf)]
    [InlineData("bench/fixtures/plan-5000.docx", EvidenceKind.Docx)]
    [InlineData("tests/fixtures/narrow-table-rows-split-across-pages.pdf", EvidenceKind.Pdf)]
    public void Documents_saved_by_other_programs_are_taken_as_what_they_are(string path, EvidenceKind kind)
    {
        var content = File.ReadAllBytes(RepositoryRoot.File(path.Split('/')));

        Assert.Equal(new FileVerdict(kind, null), FileCheck.Inspect(content));
    }

    [Fact]
    public void A_workbook_from_the_open_xml_sdk_is_taken_as_excel_and_the_same_bytes_with_a_macro_part_are_not()
    {
        using var memory = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var part = workbook.AddWorkbookPart();
            part.Workbook = new Workbook();
            var sheet = part.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellValue = new CellValue("Báo cáo"), DataType = CellValues.String })));
            part.Workbook.AppendChild(new Sheets(new Sheet { Id = part.GetIdOfPart(sheet), SheetId = 1, Name = "Quý I" }));
        }
        var xlsx = memory.ToArray();

        Assert.Equal(new FileVerdict(EvidenceKind.Xlsx, null), FileCheck.Inspect(xlsx));
        using var withMacros = new MemoryStream();
        withMacros.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(withMacros, System.IO.Compression.ZipArchiveMode.Update))
        {
            using var stream = zip.CreateEntry("xl/vbaProject.bin").Open();
            stream.Write("VBA"u8);
        }
        Assert.Equal(new FileVerdict(null, FileRefusal.Macros), FileCheck.Inspect(withMacros.ToArray()));
    }
}
