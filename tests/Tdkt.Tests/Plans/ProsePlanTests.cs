using NodaTime;
using Tdkt.Agencies;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// Plans written in prose (numbered sections, lettered items, bullets), their end matter ("Nơi nhận", the signature
/// block, in paragraphs or table rows), and what is listed as not read instead of being lost without a word.
/// </summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class ProsePlanTests
{
    public static AgencyDirectory Commune()
    {
        var result = AgencyDirectoryFile.Read("""
            agencies:
              - id: ubnd-xa
                name: Ủy ban nhân dân xã Hòa Bình
                aliases: ["UBND xã", "UBND xã Hòa Bình"]
                to: [ubnd-xa@example.org]
              - id: ubnd-tinh
                name: Ủy ban nhân dân tỉnh Lạng Sơn
                aliases: ["UBND tỉnh"]
                to: [ubnd-tinh@example.org]
              - id: van-phong
                name: Văn phòng HĐND và UBND xã
                aliases: ["Văn phòng HĐND - UBND xã"]
                to: [van-phong@example.org]
              - id: phong-vhxh
                name: Phòng Văn hóa - Xã hội
                to: [vhxh@example.org]
              - id: thon-1
                name: Thôn Nà Lầu
                to: [thon1@example.org]
              - id: thon-2
                name: Thôn Khòn Pổng
                to: [thon2@example.org]
              - id: cac-thon
                name: Các thôn
                aliases: ["Các thôn, tổ dân phố"]
                group: true
                members: [thon-1, thon-2]
            """, "xa.yaml");
        Assert.Empty(result.Errors);
        return result.Directory!;
    }

    private const string CommunePlan = """
        ỦY BAN NHÂN DÂN
        XÃ HÒA BÌNH
        -------
        Số: 15/KH-UBND
        Hòa Bình, ngày 10 tháng 01 năm 2026

        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2026

        Căn cứ Kế hoạch số 230/KH-UBND ngày 20/12/2025 của UBND tỉnh về công tác thi đua, khen thưởng năm 2026, UBND xã xây dựng kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Phát huy tinh thần thi đua, phấn đấu hoàn thành chỉ tiêu trước ngày 30/6/2026.
        II. NHIỆM VỤ
        1. Công tác thi đua
        - Văn phòng HĐND và UBND xã tham mưu phát động phong trào thi đua năm 2026, hoàn thành trước ngày 31/01/2026.
        - Phòng Văn hóa - Xã hội hướng dẫn các thôn đăng ký thi đua. Thời gian: Quý II/2026.
        - Các thôn, tổ dân phố tổ chức ký kết giao ước thi đua (Thời gian thực hiện: tháng 3/2026).
        2. Công tác khen thưởng
        a) Văn phòng HĐND và UBND xã tổng hợp hồ sơ khen thưởng, gửi về UBND tỉnh trước ngày 15/11/2026.
        b) Phòng Văn hóa - Xã hội thẩm định hồ sơ đề nghị khen thưởng (Thời gian: Quý IV/2026).
        III. TỔ CHỨC THỰC HIỆN
        1. Phòng Văn hóa - Xã hội:
        - Theo dõi, đôn đốc việc thực hiện kế hoạch; báo cáo kết quả 6 tháng đầu năm.
        - Tổng hợp báo cáo năm trước ngày 20/11/2026.
        2. Văn phòng HĐND và UBND xã bảo đảm kinh phí cho công tác khen thưởng.
        3. Các đơn vị trường học báo cáo kết quả trước ngày 10/12/2026.
        Nơi nhận:
        - UBND tỉnh (b/c);
        - Phòng Văn hóa - Xã hội;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        Nguyễn Văn An
        """;

    [Fact]
    public void A_commune_plan_in_prose_reads_every_item_that_names_an_agency_and_a_deadline_numbered_by_its_place()
    {
        var result = Samples.Import(CommunePlan, "xa-hoa-binh.txt", Commune());

        Assert.Empty(result.Errors);
        var plan = result.Plan!;
        Assert.Equal(("15/KH-UBND", "Ủy ban nhân dân xã Hòa Bình", 2026), (plan.Number, plan.Issuer, plan.Year));
        var expected = new (string, LocalDate, string)[]
        {
            ("II.1.1", new(2026, 1, 30), "van-phong"),
            ("II.1.2", new(2026, 6, 30), "phong-vhxh"),
            ("II.1.3", new(2026, 3, 31), "thon-1,thon-2"),
            ("II.2.a", new(2026, 11, 14), "van-phong"),
            ("II.2.b", new(2026, 12, 31), "phong-vhxh"),
            ("III.1.1", new(2026, 6, 30), "phong-vhxh"),
            ("III.1.2", new(2026, 11, 19), "phong-vhxh"),
        };
        Assert.Equal(expected.Select(e => e.ToString()),
            plan.Tasks.Select(t => (t.Number, t.Deadline.Due, string.Join(",", t.Agencies.Select(a => a.Value))).ToString()));
    }

    [Fact]
    public void What_names_an_agency_or_a_deadline_and_is_no_task_is_listed_with_why()
    {
        var result = Samples.Import(CommunePlan, "xa-hoa-binh.txt", Commune());

        (string Text, string Reason)[] expected =
        [
            ("Căn cứ Kế hoạch số 230/KH-UBND", "Có tên cơ quan nhưng nằm trong phần mở đầu (căn cứ)"),
            ("Phát huy tinh thần thi đua", "Có thời hạn nhưng thuộc phần mục đích, yêu cầu"),
            ("2. Văn phòng HĐND và UBND xã bảo đảm kinh phí", "Có cơ quan thực hiện nhưng không ghi thời hạn cụ thể"),
            ("3. Các đơn vị trường học", "Có thời hạn nhưng không ghi cơ quan nào trong danh bạ"),
            ("Nơi nhận:", "Nơi nhận và phần ký của văn bản"),
        ];
        Assert.Equal(expected.Length, result.NotRead.Count);
        Assert.All(expected.Zip(result.NotRead), pair =>
        {
            Assert.StartsWith(pair.First.Text, pair.Second.Text, StringComparison.Ordinal);
            Assert.StartsWith(pair.First.Reason, pair.Second.Reason, StringComparison.Ordinal);
        });
        Assert.All(result.NotRead, u => Assert.True(u.Line > 0));
    }

    [Fact]
    public void A_signature_block_laid_out_in_table_rows_is_no_task_and_its_signer_no_unknown_agency()
    {
        var result = Samples.Import("""
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2024
            (Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2024 của Sở Nội vụ)
            TT	Nội dung	Cơ quan thực hiện	Thời gian
            1	Phát động phong trào thi đua	Sở Nội vụ	Quý I
            2	Tổng kết công tác thi đua	Hội đồng Thi đua - Khen thưởng tỉnh	Tháng 12
            Nơi nhận:		TM. ỦY BAN NHÂN DÂN
            - Như trên;		KT. CHỦ TỊCH
            - Lưu: VT.		PHÓ CHỦ TỊCH
            		Nguyễn Văn Bình
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["1", "2"], result.Plan!.Tasks.Select(t => t.Number));
        Assert.Equal("hoi-dong-tdkt-tinh", Assert.Single(result.Plan.Tasks[1].Agencies).Value);
        Assert.Empty(result.UnknownAgencies);
    }

    [Fact]
    public void An_appendix_after_the_signature_is_read_again()
    {
        var result = Samples.Import("""
            UBND TỈNH LẠNG SƠN
            SỞ NỘI VỤ
            Số: 12/KH-SNV
            Lạng Sơn, ngày 05 tháng 01 năm 2024
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2024
            I. NỘI DUNG
            Chi tiết tại Phụ lục kèm theo.
            Nơi nhận:
            - UBND tỉnh;
            GIÁM ĐỐC
            Trần Thị Hoa
            PHỤ LỤC
            NHIỆM VỤ NĂM 2024
            TT	Nội dung	Cơ quan thực hiện	Thời gian
            1	Phát động phong trào thi đua	Sở Nội vụ	Quý I
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(("12/KH-SNV", "Sở Nội vụ", "1"), (result.Plan!.Number, result.Plan.Issuer, Assert.Single(result.Plan.Tasks).Number));
    }

    [Fact]
    public void Body_sections_and_an_appendix_table_topics_number_apart()
    {
        var result = Samples.Import("""
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2024
            (Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2024 của Sở Nội vụ)
            I. MỤC ĐÍCH
            Nâng cao chất lượng phong trào thi đua.
            II. NỘI DUNG
            Nhiệm vụ cụ thể tại Phụ lục.
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ theo dõi, tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2024.
            PHỤ LỤC
            STT	Nội dung công việc	Cơ quan chủ trì	Thời gian hoàn thành
            I	CÔNG TÁC THI ĐUA		
            1	Phát động phong trào thi đua	UBND tỉnh	Tháng 01/2024
            III	CÔNG TÁC KIỂM TRA		
            1	Kiểm tra công tác thi đua	Sở Nội vụ	Quý III
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(["PL.I.1", "PL.III.1", "III.1"], result.Plan!.Tasks.Select(t => t.Number));
        Assert.Equal(new LocalDate(2024, 12, 14), result.Plan.Tasks[2].Deadline.Due);
    }

    [Fact]
    public void A_draft_with_blank_number_and_day_still_gives_its_issuer()
    {
        var result = Samples.Import("""
            DỰ THẢO
            ỦY BAN NHÂN DÂN
            TỈNH LẠNG SƠN
            -------
            Số:       /KH-UBND
            Lạng Sơn, ngày      tháng      năm 2026
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2026
            TT	Nội dung	Cơ quan thực hiện	Thời gian
            1	Phát động phong trào thi đua	Sở Nội vụ	Quý I
            """);

        Assert.Equal(["issuedOn", "number"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_portal_copy_whose_header_cuts_the_motto_with_bars_gives_the_issuer_not_the_motto()
    {
        var result = Samples.Import("""
            ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN | CỘNG HÒA XÃ HỘI | CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 245/KH-UBND | Lạng Sơn, ngày 19 tháng 12 năm 2023
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2024
            TT	Nội dung	Cơ quan thực hiện	Thời gian
            1	Phát động phong trào thi đua	Sở Nội vụ	Quý I
            """);

        Assert.Empty(result.Errors);
        Assert.Equal("Ủy ban nhân dân tỉnh Lạng Sơn", result.Plan!.Issuer);
    }
}

/// <summary>A task's text that names a day inside its time column's period makes that day the deadline, and the preview says so.</summary>
public sealed class PreciseDeadlineTests
{
    private const string Head = """
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2026
        (Kèm theo Kế hoạch số 3/KH-SNV ngày 02/01/2026 của Sở Nội vụ)
        TT	Nội dung	Cơ quan thực hiện	Thời gian
        """;

    [Fact]
    public void A_day_in_the_text_inside_the_quarter_is_the_deadline_and_the_preview_names_the_phrase()
    {
        var result = Samples.Import(Head + "\n1\tTổng hợp hồ sơ khen thưởng, hoàn thành trước ngày 20/11/2026\tSở Nội vụ\tQuý IV/2026\n"
            + "2\tBáo cáo sơ kết, gửi trước ngày 15/01/2026\tSở Nội vụ\tQuý IV\n3\tTổng kết năm\tSở Nội vụ\tQuý IV\n");

        Assert.Empty(result.Errors);
        var tasks = result.Plan!.Tasks;
        Assert.Equal((new NodaTime.LocalDate(2026, 11, 19), "trước ngày 20/11/2026", 4), (tasks[0].Deadline.Due, tasks[0].Deadline.Phrase, tasks[0].Quarter));
        // A day outside the column's quarter is not the task's deadline (it may date something else): the column stands.
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 31), tasks[1].Deadline.Due);
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 31), tasks[2].Deadline.Due);
        Assert.Equal("Nhiệm vụ 1: hạn là 19/11/2026 theo “trước ngày 20/11/2026” trong nội dung, cụ thể hơn “Quý IV/2026” ở cột thời gian.", Assert.Single(result.Warnings));
    }
}

/// <summary>A school year's plan: deadlines without a year fall in the school year, "Cả năm học" is its end, and the check is against it.</summary>
public sealed class SchoolYearPlanTests
{
    private const string Plan = """
        UBND TỈNH LẠNG SƠN
        SỞ GIÁO DỤC VÀ ĐÀO TẠO
        Số: 1520/KH-SGDĐT
        Lạng Sơn, ngày 05 tháng 9 năm 2025
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm học 2025 - 2026
        TT	Nội dung	Cơ quan thực hiện	Thời gian
        1	Phát động phong trào thi đua năm học	Sở Giáo dục và Đào tạo	Tháng 9/2025
        2	Sơ kết học kỳ I	Sở Nội vụ	Tháng 12
        3	Hội nghị điển hình tiên tiến	Sở Nội vụ	Quý IV
        4	Tổng kết phong trào thi đua	Sở Nội vụ	Cả năm học
        5	Báo cáo đăng ký thi đua	Sở Nội vụ	trước ngày 15/10
        6	Kiểm tra công tác thi đua	Sở Nội vụ	Tháng 3
        """;

    [Fact]
    public void Deadlines_without_a_year_fall_in_the_school_year_and_the_whole_school_year_ends_on_31_May()
    {
        var result = Samples.Import(Plan, "nam-hoc.txt");

        Assert.Empty(result.Errors);
        Assert.Equal(("2026-1520-kh-sgddt", 2026, "Sở Giáo dục và Đào tạo"), (result.Plan!.Id.Value, result.Plan.Year, result.Plan.Issuer));
        Assert.Equal(["30/09/2025", "31/12/2025", "31/12/2025", "31/05/2026", "14/10/2025", "31/03/2026"],
            result.Plan.Tasks.Select(t => t.Deadline.Due.ToString("dd/MM/yyyy", null)));
    }

    [Fact]
    public void A_deadline_outside_the_school_year_is_refused_naming_it()
    {
        var result = Samples.Import(Plan + "\n7\tViệc năm sau\tSở Nội vụ\tTháng 9/2026\n", "nam-hoc.txt");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Thời hạn “Tháng 9/2026” (30/09/2026) nằm ngoài năm học 2025 - 2026 (01/08/2025 - 31/07/2026).", error.Message);
    }
}
