using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using Tdkt.Plans.Import;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// A plan kept as a workbook (.xlsx): the sample LibreOffice Calc wrote (samples/make-xlsx.py) reads as the same plan
/// as the .docx; what cannot be read unambiguously or safely is refused with why, naming the sheet or cell.
/// </summary>
public sealed class SpreadsheetPlanTests
{
    public static string Plan2025Xlsx => RepositoryRoot.File("samples", "plans", "lang-son-2025-230-kh-ubnd.xlsx");

    [Fact]
    public void The_workbook_Calc_wrote_gives_the_docx_plan_with_merged_cells_typed_numbers_and_a_date_cell()
    {
        var xlsx = PlanImporter.Import(File.ReadAllBytes(Plan2025Xlsx), "lang-son-2025.xlsx", Samples.Directory());
        var docx = PlanImporter.Import(File.ReadAllBytes(PublishedFormsTests.Plan2025Docx), "lang-son-2025.docx", Samples.Directory());

        Assert.Empty(xlsx.Errors);
        var plan = xlsx.Plan!;
        Assert.Equal(("230/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new LocalDate(2024, 12, 20), 2025, docx.Plan!.Title),
            (plan.Number, plan.Issuer, plan.IssuedOn, plan.Year, plan.Title));
        // The same tasks, quarters, agencies (tasks 2 and 3 share the merged lead cell) and due dates; section III's dated paragraph too.
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "III.1"], plan.Tasks.Select(t => t.Number));
        Assert.Equal(docx.Plan.Tasks.Select(t => (t.Number, t.Quarter, t.Content, t.Leads, string.Join(",", t.Agencies.Select(a => a.Value)))),
            plan.Tasks.Select(t => (t.Number, t.Quarter, t.Content, t.Leads, string.Join(",", t.Agencies.Select(a => a.Value)))));
        Assert.Equal(docx.Plan.Tasks.Where(t => t.Number != "2").Select(t => t.Deadline), plan.Tasks.Where(t => t.Number != "2").Select(t => t.Deadline));
        // Task 2's time is a date cell, not text: read as the date the sheet shows.
        Assert.Equal(("15/03/2025", new LocalDate(2025, 3, 15)), (plan.Tasks[1].Deadline.Phrase, plan.Tasks[1].Deadline.Due));
    }

    [Fact]
    public void Calcs_PDF_of_the_workbook_gives_the_same_plan()
    {
        var xlsx = PlanImporter.Import(File.ReadAllBytes(Plan2025Xlsx), "lang-son-2025.xlsx", Samples.Directory());
        var pdf = PlanImporter.Import(File.ReadAllBytes(RepositoryRoot.File("tests", "fixtures", "lang-son-2025-230-kh-ubnd-calc.pdf")), "lang-son-2025.pdf",
            Samples.Directory());

        Assert.Empty(pdf.Errors);
        Assert.Equal(xlsx.Plan, pdf.Plan);
    }

    [Fact]
    public void A_workbook_with_two_sheets_of_text_is_refused_naming_them_and_a_hidden_sheet_is_not_read()
    {
        string[][] table = [["STT", "Nội dung", "Cơ quan thực hiện", "Thời hạn"], ["1", "Việc một", "Sở Nội vụ", "Quý II"]];
        var two = Workbook(("Quý I", false, table), ("Quý II", false, table));
        var hidden = Workbook(("Kế hoạch", false, table), ("Nháp", true, [["KẾ HOẠCH"], ["1", "Việc nháp", "Sở Tài chính", "Quý I"]]));
        var given = new PlanReference("12/KH-SNV", "Sở Nội vụ tỉnh Lạng Sơn", "05/12/2025");

        var refused = PlanImporter.Import(two, "hai-trang.xlsx", Samples.Directory(), overrides: given);
        var read = PlanImporter.Import(hidden, "co-trang-an.xlsx", Samples.Directory(), overrides: given);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("hai-trang.xlsx", "file"), (error.File, error.Field));
        Assert.Contains("2 trang tính có nội dung (“Quý I”, “Quý II”)", error.Message, StringComparison.Ordinal);
        Assert.Empty(read.Errors);
        Assert.Equal(("1", "Việc một", "so-noi-vu", new LocalDate(2026, 6, 30)),
            (read.Plan!.Tasks.Single().Number, read.Plan.Tasks.Single().Content, read.Plan.Tasks.Single().Agencies.Single().Value, read.Plan.Tasks.Single().Deadline.Due));
    }

    [Fact]
    public void An_error_names_the_row_as_the_spreadsheet_numbers_it()
    {
        var sheet = Workbook(("Kế hoạch", false, [["STT", "Nội dung", "Cơ quan thực hiện", "Thời hạn"], [], ["1", "Việc một", "Sở Nội vụ", "Quý II"],
            ["2", "Việc hai", "Sở Không Có", "Quý III"]]));

        var result = PlanImporter.Import(sheet, "ke-hoach.xlsx", Samples.Directory(), overrides: new PlanReference("12/KH-SNV", "Sở Nội vụ", "05/12/2025"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("ke-hoach.xlsx", 4), (error.File, error.Line));
        Assert.Contains("Sở Không Có", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_or_oversized_workbook_is_refused_before_it_is_read()
    {
        var broken = PlanImporter.Import("PK\u0003\u0004 không phải bảng tính"u8.ToArray(), "hong.xlsx", Samples.Directory());
        var wide = PlanImporter.Import(Workbook(("Rộng", false, [[.. Enumerable.Repeat("x", 70)]])), "rong.xlsx", Samples.Directory());
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                part.Write(zeros);
            }
        }
        var unpacked = PlanImporter.Import(bomb.ToArray(), "bom.xlsx", Samples.Directory());

        Assert.Contains("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.", Assert.Single(broken.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("Ô BM1 nằm ngoài 64 cột đầu", Assert.Single(wide.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("Tệp .xlsx giải nén ra quá lớn (phần xl/worksheets/sheet1.xml", Assert.Single(unpacked.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_down_to_the_sheets_end_repeats_nothing_past_the_plan_and_overlapping_merges_are_refused()
    {
        string[][] table = [["STT", "Nội dung", "Cơ quan thực hiện", "Thời hạn"], ["1", "Việc một", "Sở Nội vụ", "Quý II"], ["2", "Việc hai", "", "Quý III"]];
        var given = new PlanReference("12/KH-SNV", "Sở Nội vụ tỉnh Lạng Sơn", "05/12/2025");
        // The agencies cell merged from task 1 down to the sheet's last row: task 2 shares it, and nothing more is read.
        var toTheEnd = PlanImporter.Import(WithMerges(Workbook(("Kế hoạch", false, table)), "C2:C1048576"), "gop.xlsx", Samples.Directory(), overrides: given);
        // 7,000 copies of one merge over 200 tasks: more repeated cells than the sheet's used area holds.
        string[][] many = [table[0], .. Enumerable.Range(1, 200).Select(i => new[] { $"{i}", $"Việc {i}", "Sở Nội vụ", "Quý II" })];
        var overlapping = PlanImporter.Import(WithMerges(Workbook(("Kế hoạch", false, many)), [.. Enumerable.Repeat("C2:C201", 7_000)]),
            "chong.xlsx", Samples.Directory(), overrides: given);

        // A template's 1,000 merged rows below the plan, waiting for tasks, are not read at all.
        string[][] filled = [table[0], table[1], ["2", "Việc hai", "Sở Tài chính", "Quý III"]];
        var template = PlanImporter.Import(WithMerges(Workbook(("Kế hoạch", false, filled)), [.. Enumerable.Range(10, 1_000).Select(r => $"A{r}:D{r}")]),
            "mau.xlsx", Samples.Directory(), overrides: given);

        Assert.Empty(template.Errors);
        Assert.Equal(2, template.Plan!.Tasks.Count);
        Assert.Empty(toTheEnd.Errors);
        Assert.Equal([("1", "so-noi-vu"), ("2", "so-noi-vu")], toTheEnd.Plan!.Tasks.Select(t => (t.Number, t.Agencies.Single().Value)));
        Assert.Contains("ô gộp chồng lên nhau", Assert.Single(overlapping.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_row_header_with_lead_and_supporting_agencies_under_one_merged_cell_is_read()
    {
        string[][] rows =
        [
            ["STT", "Nội dung công việc", "Cơ quan thực hiện", "", "Thời gian"],
            ["", "", "Chủ trì", "Phối hợp", ""],
            ["QUÝ II"],
            ["1", "Sơ kết công tác thi đua", "Sở Nội vụ", "Sở Tài chính\nSở Giáo dục và Đào tạo", "Tháng 6/2026"],
        ];
        var sheet = WithMerges(Workbook(("Kế hoạch", false, rows)), "A1:A2", "B1:B2", "C1:D1", "E1:E2", "A3:E3");

        var result = PlanImporter.Import(sheet, "hai-dong-tieu-de.xlsx", Samples.Directory(), overrides: new PlanReference("12/KH-SNV", "Sở Nội vụ", "05/12/2025"));

        Assert.Empty(result.Errors);
        var task = result.Plan!.Tasks.Single();
        Assert.Equal(("1", 2, new LocalDate(2026, 6, 30)), (task.Number, task.Quarter, task.Deadline.Due));
        Assert.Equal(["so-noi-vu"], task.LeadAgencies.Select(a => a.Value));
        Assert.Equal(["so-noi-vu", "so-tai-chinh", "so-giao-duc-va-dao-tao"], task.Agencies.Select(a => a.Value));
    }

    [Fact]
    public void Rich_text_and_formula_cells_read_as_the_sheet_shows_them()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            // As Excel writes them: a shared string in two runs (one bold), a number and a text from formulas with their saved results.
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("STT")), new SharedStringItem(new Text("Nội dung")), new SharedStringItem(new Text("Cơ quan thực hiện")),
                new SharedStringItem(new Text("Thời hạn")),
                new SharedStringItem(new Run(new RunProperties(new Bold()), new Text("Sở Nội") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(" vụ") { Space = SpaceProcessingModeValues.Preserve })));
            Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Shared("D1", 3)) { RowIndex = 1 },
                new Row(
                    new Cell { CellReference = "A2", CellFormula = new CellFormula("ROW()-1"), CellValue = new CellValue(1) },
                    new Cell { CellReference = "B2", DataType = CellValues.String, CellFormula = new CellFormula("\"Sơ kết \"&\"công tác thi đua\""), CellValue = new CellValue("Sơ kết công tác thi đua") },
                    Shared("C2", 4),
                    new Cell { CellReference = "D2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Quý II")) }) { RowIndex = 2 }));
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Kế hoạch" });
        }

        var result = PlanImporter.Import(stream.ToArray(), "excel.xlsx", Samples.Directory(), overrides: new PlanReference("12/KH-SNV", "Sở Nội vụ", "05/12/2025"));

        Assert.Empty(result.Errors);
        var task = result.Plan!.Tasks.Single();
        Assert.Equal(("1", "Sơ kết công tác thi đua", "so-noi-vu", new LocalDate(2026, 6, 30)), (task.Number, task.Content, task.Agencies.Single().Value, task.Deadline.Due));
    }

    [Theory]
    [InlineData(false, 45731)]
    [InlineData(true, 44269)]
    public void A_date_cell_reads_as_the_day_it_shows_in_either_date_system(bool from1904, int serial)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = from1904 }, new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var part = workbook.AddNewPart<WorksheetPart>();
            Cell Text(string reference, string text) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
            part.Worksheet = new Worksheet(new SheetData(
                new Row(Text("A1", "STT"), Text("B1", "Nội dung"), Text("C1", "Cơ quan thực hiện"), Text("D1", "Thời hạn")) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A2", CellValue = new CellValue(1) }, Text("B2", "Việc một"), Text("C2", "Sở Nội vụ"),
                    new Cell { CellReference = "D2", StyleIndex = 1, CellValue = new CellValue(serial) }) { RowIndex = 2 }));
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Kế hoạch" });
        }

        var result = PlanImporter.Import(stream.ToArray(), "ngay.xlsx", Samples.Directory(), overrides: new PlanReference("12/KH-SNV", "Sở Nội vụ", "05/12/2024"));

        Assert.Empty(result.Errors);
        Assert.Equal(("1", "15/03/2025", new LocalDate(2025, 3, 15)),
            (result.Plan!.Tasks.Single().Number, result.Plan.Tasks.Single().Deadline.Phrase, result.Plan.Tasks.Single().Deadline.Due));
    }

    /// <summary>The workbook with merged ranges ("C2:C9") added to its first sheet, as Excel writes them after the cells.</summary>
    private static byte[] WithMerges(byte[] workbook, params string[] ranges)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet!;
            sheet.InsertAfter(new MergeCells(ranges.Select(r => new MergeCell { Reference = r })), sheet.GetFirstChild<SheetData>());
            sheet.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A workbook of text cells, one sheet per entry (an empty row is a blank row), shared strings as Excel writes them.</summary>
    private static byte[] Workbook(params (string Name, bool Hidden, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = 0;
            uint id = 1;
            foreach (var (name, hidden, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(rows[r][c])));
                        row.AppendChild(new Cell { CellReference = Column(c) + (r + 1), DataType = CellValues.SharedString, CellValue = new CellValue(index++) });
                    }
                    data.AppendChild(row);
                }
                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.AppendChild(new Sheet
                {
                    Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name, State = hidden ? SheetStateValues.Hidden : null,
                });
            }
        }
        return stream.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
