using NodaTime;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// Plans in the forms provinces publish them: a Decree 30/2020 header (as lines, as layout-table cells, as a web copy with
/// "|" and stray line breaks), an appendix on its own, and the five-column appendix table grouped by roman sections.
/// </summary>
public sealed class PublishedFormsTests
{
    public static string Plan2024Path => RepositoryRoot.File("samples", "plans", "lang-son-2024-245-kh-ubnd.txt");

    private const string Table =
        "STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú\n"
        + "I\tCÔNG TÁC THI ĐUA\t\t\t\t\n"
        + "1\tPhát động phong trào thi đua năm 2024\tUBND tỉnh\tSở Nội vụ\tTháng 01/2024\t\n";

    private static IReadOnlyList<(string Number, LocalDate? Due, int Quarter, string[] Lead, string[] Support)> Shape(Plan plan) =>
        [.. plan.Tasks.Select(t => (t.Number, t.Deadline.IsOngoing ? (LocalDate?)null : t.Deadline.Due, t.Quarter,
            t.LeadAgencies.Select(a => a.Value).ToArray(), t.Agencies.Skip(t.Leads).Select(a => a.Value).ToArray()))];

    [Fact]
    public void The_2024_plan_with_a_Decree_30_header_and_a_five_column_appendix_imports_whole()
    {
        var result = Samples.Import(File.ReadAllText(Plan2024Path), "lang-son-2024.txt");

        Assert.Empty(result.Errors);
        var plan = result.Plan!;
        Assert.Equal(("245/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new LocalDate(2023, 12, 19), 2024, "Công tác thi đua, khen thưởng năm 2024"),
            (plan.Number, plan.Issuer, plan.IssuedOn, plan.Year, plan.Title));
        string[] cum = ["so-ke-hoach-va-dau-tu", "so-giao-duc-va-dao-tao", "so-tai-chinh", "so-van-hoa-the-thao-va-du-lich"];
        string[] related = ["so-giao-duc-va-dao-tao", "so-tai-chinh", "so-van-hoa-the-thao-va-du-lich"];
        var expected = new (string, LocalDate?, int, string[], string[])[]
        {
            ("I.1", new LocalDate(2024, 1, 31), 1, ["ubnd-tinh"], ["so-noi-vu"]),
            ("I.2", new LocalDate(2024, 3, 31), 1, cum, ["so-noi-vu"]),
            ("I.3", new LocalDate(2024, 6, 30), 2, ["so-noi-vu"], related),
            ("I.4", new LocalDate(2024, 8, 31), 3, ["hoi-dong-tdkt-tinh"], ["so-noi-vu"]),
            ("I.5", null, 4, ["so-noi-vu"], related),
            ("II.1", new LocalDate(2024, 3, 14), 1, ["so-noi-vu"], ["hoi-dong-tdkt-tinh"]),
            ("II.2", new LocalDate(2024, 9, 30), 3, ["so-giao-duc-va-dao-tao"], ["so-noi-vu"]),
            ("II.3", new LocalDate(2024, 11, 20), 4, ["ubnd-tinh"], ["so-ke-hoach-va-dau-tu", "hiep-hoi-doanh-nghiep"]),
            ("II.4", new LocalDate(2024, 12, 31), 4, ["ubnd-tinh"], ["so-noi-vu"]),
            ("II.5", new LocalDate(2024, 12, 31), 4, ["so-noi-vu"], ["so-tai-chinh"]),
            ("III.1", new LocalDate(2024, 1, 19), 1, ["so-ke-hoach-va-dau-tu"], ["so-giao-duc-va-dao-tao", "so-tai-chinh", "so-van-hoa-the-thao-va-du-lich"]),
        };
        Assert.Equal(expected.Select(e => e.ToString()), Shape(plan).Select(s => (s.Number, s.Due, s.Quarter, s.Lead, s.Support).ToString()));
        Assert.Equal(expected.Select(e => string.Join(",", e.Item4) + "|" + string.Join(",", e.Item5)),
            Shape(plan).Select(s => string.Join(",", s.Lead) + "|" + string.Join(",", s.Support)));
        var ongoing = plan.Tasks.Single(t => t.Number == "I.5").Deadline;
        Assert.Equal((DeadlineRule.Ongoing, "Thường xuyên"), (ongoing.Rule, ongoing.Phrase));
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 245/KH-UBND\nLạng Sơn, ngày 19 tháng 12 năm 2023\n")]
    [InlineData("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LẠNG SƠN\tĐộc lập - Tự do - Hạnh phúc\nSố: 245/KH-UBND\tLạng Sơn, ngày 19 tháng 12 năm 2023\n")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n-------\nSố: 245 /KH-UBND | Lạng Sơn, ngày 19 tháng\n12 năm 2023\n")]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 245/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Độc lập - Tự do - Hạnh phúc | Lạng Sơn, ngày 19/12/2023\n")]
    public void The_Decree_30_header_gives_number_issuer_and_date_however_it_is_laid_out(string header)
    {
        var result = Samples.Import(header + "\nKẾ HOẠCH\nCông tác thi đua, khen thưởng\nnăm 2024\n\n" + Table);

        Assert.Empty(result.Errors);
        Assert.Equal(("245/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new LocalDate(2023, 12, 19), 2024, "Công tác thi đua, khen thưởng năm 2024"),
            (result.Plan!.Number, result.Plan.Issuer, result.Plan.IssuedOn, result.Plan.Year, result.Plan.Title));
    }

    [Fact]
    public void A_department_under_the_province_is_the_issuer_not_its_parent()
    {
        var result = Samples.Import("UBND TỈNH LẠNG SƠN\nSỞ NỘI VỤ\n-------\nSố: 12/KH-SNV\nLạng Sơn, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\n"
            + "Công tác thi đua, khen thưởng năm 2024\n\n" + Table);

        Assert.Empty(result.Errors);
        Assert.Equal(("12/KH-SNV", "Sở Nội vụ"), (result.Plan!.Number, result.Plan.Issuer));
    }

    [Fact]
    public void An_appendix_on_its_own_takes_its_reference_from_the_kem_theo_line()
    {
        var result = Samples.Import("PHỤ LỤC\nNHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2024\n"
            + "(Kèm theo Kế hoạch số 245/KH-UBND ngày 19/12/2023 của Ủy ban nhân dân tỉnh Lạng Sơn)\n\n" + Table);

        Assert.Empty(result.Errors);
        Assert.Equal(("245/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new LocalDate(2023, 12, 19), 2024, "Nhiệm vụ công tác thi đua, khen thưởng năm 2024"),
            (result.Plan!.Number, result.Plan.Issuer, result.Plan.IssuedOn, result.Plan.Year, result.Plan.Title));
    }

    [Fact]
    public void A_cover_letter_does_not_lend_its_own_number_to_the_plan()
    {
        var plan = Samples.Plan();

        Assert.Equal("252/KH-UBND", plan.Number);
        Assert.DoesNotContain("VKS", plan.Number, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_found_by_their_headers_whatever_their_order_and_a_header_repeated_on_each_page_is_skipped()
    {
        var result = Samples.Import("KẾ HOẠCH\nThi đua năm 2024\n(Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2024 của Sở Nội vụ)\n"
            + "TT\tThời hạn\tNhiệm vụ\tĐơn vị phối hợp\tĐơn vị chủ trì\n"
            + "1\tQuý II/2024\tViệc thứ nhất\tUBND tỉnh\tSở Nội vụ\n"
            + "TT\tThời hạn\tNhiệm vụ\tĐơn vị phối hợp\tĐơn vị chủ trì\n"
            + "2\tTrước ngày 15/3\tViệc thứ hai, phần đầu\t\tSở Tài chính\n"
            + "\t\tvà phần tiếp theo trên trang sau\tSở Nội vụ\t\n");

        Assert.Empty(result.Errors);
        var tasks = result.Plan!.Tasks;
        Assert.Equal(["1", "2"], tasks.Select(t => t.Number));
        Assert.Equal((new LocalDate(2024, 6, 30), "so-noi-vu", "ubnd-tinh"), (tasks[0].Deadline.Due, tasks[0].LeadAgencies.Single().Value, tasks[0].Agencies[1].Value));
        Assert.Equal("Việc thứ hai, phần đầu và phần tiếp theo trên trang sau", tasks[1].Content);
        Assert.Equal((new LocalDate(2024, 3, 14), "so-tai-chinh", "so-noi-vu"), (tasks[1].Deadline.Due, tasks[1].LeadAgencies.Single().Value, tasks[1].Agencies[1].Value));
    }

    [Fact]
    public void A_time_phrase_not_understood_is_an_error_naming_the_row_and_the_phrase()
    {
        var result = Samples.Import("KẾ HOẠCH\nThi đua năm 2024\n(Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2024 của Sở Nội vụ)\n\n"
            + "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
            + "1\tViệc một\tSở Nội vụ\t\tHọc kỳ I\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((6, "deadline"), (error.Line, error.Field));
        Assert.Contains("Không hiểu thời hạn “Học kỳ I”", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Numbering_that_restarts_in_each_section_is_qualified_by_the_section()
    {
        var result = Samples.Import("KẾ HOẠCH\nThi đua năm 2024\n(Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2024 của Sở Nội vụ)\n\n"
            + "STT\tNội dung\tCơ quan thực hiện\tThời gian\n"
            + "I\tCÔNG TÁC THI ĐUA\t\t\n1\tViệc một\tSở Nội vụ\tQuý I\n"
            + "II\tCÔNG TÁC KHEN THƯỞNG\t\t\n1\tViệc hai\tSở Nội vụ\tQuý II\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["I.1", "II.1"], result.Plan!.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void A_plan_without_a_header_names_what_is_missing_and_how_to_give_it()
    {
        var result = Samples.Import("STT\tNội dung\tCơ quan thực hiện\tThời hạn\n1\tViệc một\tSở Nội vụ\tQuý II\n", "bare.txt");

        Assert.Contains(result.Errors, e => e.Field == "number" && e.Message.Contains("--number", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "issuer" && e.Message.Contains("--issuer", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "issuedOn" && e.Message.Contains("--issued-on", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_number_issuer_and_date_supply_a_missing_header_and_override_one_read()
    {
        var bare = System.Text.Encoding.UTF8.GetBytes("STT\tNội dung\tCơ quan thực hiện\tThời hạn\n1\tViệc một\tSở Nội vụ\tQuý II\n");
        var given = new Tdkt.Plans.Import.PlanReference("12/KH-SNV", "Sở Nội vụ tỉnh Lạng Sơn", "05/12/2025");

        var supplied = Tdkt.Plans.Import.PlanImporter.Import(bare, "bare.txt", Samples.Directory(), overrides: given);
        var overridden = Tdkt.Plans.Import.PlanImporter.Import(File.ReadAllBytes(Plan2024Path), "p.txt", Samples.Directory(),
            overrides: new Tdkt.Plans.Import.PlanReference("246/KH-UBND", null, null));

        Assert.Empty(supplied.Errors);
        Assert.Equal(("12/KH-SNV", "Sở Nội vụ tỉnh Lạng Sơn", new LocalDate(2025, 12, 5), 2026, "Kế hoạch số 12/KH-SNV năm 2026"),
            (supplied.Plan!.Number, supplied.Plan.Issuer, supplied.Plan.IssuedOn, supplied.Plan.Year, supplied.Plan.Title));
        Assert.Equal(new LocalDate(2026, 6, 30), supplied.Plan.Tasks.Single().Deadline.Due);
        Assert.Equal(("246/KH-UBND", new PlanId("2024-246-kh-ubnd"), "Ủy ban nhân dân tỉnh Lạng Sơn"),
            (overridden.Plan!.Number, overridden.Plan.Id, overridden.Plan.Issuer));
    }

    public static string Plan2025Docx => RepositoryRoot.File("samples", "plans", "lang-son-2025-230-kh-ubnd.docx");

    public static string Plan2025Pdf => RepositoryRoot.File("samples", "plans", "lang-son-2025-230-kh-ubnd.pdf");

    [Fact]
    public void A_docx_written_by_LibreOffice_imports_with_list_numbers_merged_cells_and_one_paragraph_per_agency()
    {
        var result = Tdkt.Plans.Import.PlanImporter.Import(File.ReadAllBytes(Plan2025Docx), "lang-son-2025.docx", Samples.Directory());

        Assert.Empty(result.Errors);
        var plan = result.Plan!;
        Assert.Equal(("230/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new LocalDate(2024, 12, 20), 2025),
            (plan.Number, plan.Issuer, plan.IssuedOn, plan.Year));
        // The TT cells hold no text: the numbers come from the list definitions.
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "III.1"], plan.Tasks.Select(t => t.Number));
        Assert.Equal([1, 1, 1, 2, 3, 4, 4, 1], plan.Tasks.Select(t => t.Quarter));
        // Tasks 2 and 3 share one merged "Sở Nội vụ" lead cell; each agency of a cell is its own paragraph.
        Assert.Equal(["so-noi-vu", "so-noi-vu"], plan.Tasks.Skip(1).Take(2).Select(t => t.LeadAgencies.Single().Value));
        Assert.Equal(["ubnd-tinh", "so-ke-hoach-va-dau-tu", "hiep-hoi-doanh-nghiep"], plan.Tasks[5].Agencies.Select(a => a.Value));
        Assert.Equal(new LocalDate(2025, 8, 31), plan.Tasks[4].Deadline.Due);
        Assert.Equal(new LocalDate(2025, 1, 19), plan.Tasks[^1].Deadline.Due);
    }

    [Fact]
    public void The_PDF_of_that_docx_gives_the_same_plan_from_word_positions_and_rules()
    {
        var docx = Tdkt.Plans.Import.PlanImporter.Import(File.ReadAllBytes(Plan2025Docx), "p.docx", Samples.Directory());
        var pdf = Tdkt.Plans.Import.PlanImporter.Import(File.ReadAllBytes(Plan2025Pdf), "p.pdf", Samples.Directory());

        Assert.Empty(pdf.Errors);
        Assert.Equal(docx.Plan, pdf.Plan);
    }

    [Fact]
    public void A_PDF_without_a_text_layer_is_refused_as_a_scan()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 400, 600);

        var result = Tdkt.Plans.Import.PlanImporter.Import(builder.Build(), "scan.pdf", Samples.Directory());

        var error = Assert.Single(result.Errors);
        Assert.Contains("không có lớp chữ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan.doc", true, "Tệp Word 97-2003 (.doc)", ".docx")]
    [InlineData("plan.docx", true, "Tệp Word 97-2003 (.doc)", ".docx")]
    [InlineData("KE HOACH.XLS", true, "Tệp Excel 97-2003 (.xls)", ".xlsx")]
    [InlineData("ke-hoach.xls", false, "Tệp Excel 97-2003 (.xls)", ".xlsx")]
    [InlineData("ke-hoach.odt", false, "Tệp .odt không đọc được", ".docx")]
    [InlineData("ke-hoach.rtf", false, "Tệp .rtf không đọc được", ".docx")]
    [InlineData("ke-hoach.ods", false, "Tệp .ods không đọc được", ".xlsx")]
    public void An_office_format_the_importer_does_not_read_is_refused_with_what_to_save_it_as(string name, bool ole, string what, string saveAs)
    {
        byte[] content = ole ? [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] : "PK\u0003\u0004 ..."u8.ToArray();

        var result = Tdkt.Plans.Import.PlanImporter.Import(content, name, Samples.Directory());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(what, error.Message, StringComparison.Ordinal);
        Assert.Contains($"lưu lại dưới dạng {saveAs}, rồi nhập tệp {saveAs} đó.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A table LibreOffice laid out in narrow columns (tests/fixtures, two pages of the 5,000-task benchmark plan):
    /// task 4 breaks across the page under the repeated header, and years break where a column is too narrow.
    /// </summary>
    [Fact]
    public void A_PDF_row_that_breaks_across_a_page_is_read_as_one_task()
    {
        var result = Tdkt.Plans.Import.PlanImporter.Import(File.ReadAllBytes(RepositoryRoot.File("tests", "fixtures", "narrow-table-rows-split-across-pages.pdf")),
            "bang-hep.pdf", Samples.Directory());

        Assert.Empty(result.Errors);
        var task = result.Plan!.Tasks.Single(t => t.Number == "4");
        Assert.Equal("Kiểm tra công tác thi đua, khen thưởng tại các cơ quan, đơn vị (nội dung 1.4)", task.Content);
        Assert.Equal(["so-giao-duc-va-dao-tao"], task.LeadAgencies.Select(a => a.Value));
        Assert.Equal(("Tháng 7, tháng 8/2025", new NodaTime.LocalDate(2025, 8, 31)), (task.Deadline.Phrase, task.Deadline.Due));
        Assert.Equal(new NodaTime.LocalDate(2025, 1, 31), result.Plan.Tasks.Single(t => t.Number == "1").Deadline.Due);
        Assert.Equal(new NodaTime.LocalDate(2025, 11, 20), result.Plan.Tasks.Single(t => t.Number == "7").Deadline.Due);
    }
}
