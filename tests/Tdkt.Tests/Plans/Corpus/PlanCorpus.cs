using System.Globalization;
using System.Text;
using NodaTime;

namespace Tdkt.Tests.Plans.Corpus;

/// <summary>
/// Generates a corpus of plan documents that vary as published plans do: who issues them (a province, a ministry, a
/// commune, a department), how tasks are laid out (a table, prose with numbered topics and bullets, an appendix by
/// topics), how agencies are written (names with " - " and commas, persons' titles, groups), how deadlines are written,
/// and the file (text, decomposed Unicode, a portal's copy, Word-like .docx with automatic numbering, merged cells,
/// tracked changes and comments, .xlsx with the signature side by side, and LibreOffice's PDF). Each document carries
/// the plan it was made from, which is its expected reading.
/// </summary>
public static class PlanCorpus
{
    private static readonly CorpusIssuer[] Issuers =
    [
        new("province", ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], "Lạng Sơn", "UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            "Hoàng Văn Nam",
            [
                new("UBND tỉnh", ["ubnd-tinh"]), new("Sở Nội vụ", ["so-noi-vu"]), new("Giám đốc Sở Nội vụ", ["so-noi-vu"]),
                new("Hội đồng Thi đua - Khen thưởng tỉnh", ["hd-tdkt-tinh"]), new("Sở Văn hóa, Thể thao và Du lịch", ["so-vhttdl"]),
                new("Chánh Văn phòng UBND tỉnh", ["vp-ubnd-tinh"]), new("Sở Giáo dục và Đào tạo", ["so-gddt"]),
                new("Thủ trưởng các sở, ban, ngành", ["so-noi-vu", "so-vhttdl", "so-gddt"]),
            ], "Sở Nội vụ"),
        new("ministry", ["BỘ NỘI VỤ"], "Hà Nội", "BNV", "Bộ Nội vụ", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "Trần Thị Lan",
            [
                new("Vụ Thi đua - Khen thưởng", ["vu-tdkt"]), new("Vụ trưởng Vụ Thi đua - Khen thưởng", ["vu-tdkt"]), new("Văn phòng Bộ", ["vp-bo"]),
                new("Vụ Tổ chức cán bộ", ["vu-tccb"]), new("Ban Thi đua - Khen thưởng Trung ương", ["ban-tdkt-tw"]),
                new("Thủ trưởng các đơn vị thuộc Bộ", ["vu-tdkt", "vp-bo", "vu-tccb"]),
            ], "Vụ Thi đua - Khen thưởng"),
        new("commune", ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"], "Hòa Bình", "UBND", "Ủy ban nhân dân xã Hòa Bình", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
            "Nông Văn Tú",
            [
                new("Phòng Văn hóa - Xã hội", ["phong-vhxh"]), new("Văn phòng HĐND và UBND xã", ["vp-xa"]), new("Công an xã", ["cong-an-xa"]),
                new("Trưởng Công an xã", ["cong-an-xa"]), new("Trưởng các thôn", ["thon-na-lau", "thon-khon-pong"]),
                new("Chánh Văn phòng HĐND và UBND xã", ["vp-xa"]),
            ], "Phòng Văn hóa - Xã hội"),
        new("sector", ["UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Lạng Sơn", "SGDĐT", "Sở Giáo dục và Đào tạo", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
            "Lý Thị Mai",
            [
                new("Phòng Giáo dục trung học", ["phong-gdtrh"]), new("Văn phòng Sở", ["vp-so"]), new("Phòng Tổ chức cán bộ", ["phong-tccb"]),
                new("Hiệu trưởng các trường THPT", ["thpt-viet-bac", "thpt-chu-van-an"]), new("Chánh Văn phòng Sở", ["vp-so"]),
            ], "Văn phòng Sở"),
    ];

    /// <summary>The directory every corpus document is read against, as an administrator would write it (YAML).</summary>
    public const string DirectoryYaml = """
        agencies:
          - { id: ubnd-tinh, name: Ủy ban nhân dân tỉnh Lạng Sơn, aliases: ["UBND tỉnh"], to: [ubnd-tinh@example.org] }
          - { id: so-noi-vu, name: Sở Nội vụ, to: [so-noi-vu@example.org] }
          - { id: hd-tdkt-tinh, name: Hội đồng Thi đua - Khen thưởng tỉnh, aliases: ["Hội đồng TĐKT tỉnh"], to: [hd@example.org] }
          - { id: so-vhttdl, name: "Sở Văn hóa, Thể thao và Du lịch", to: [vhttdl@example.org] }
          - { id: vp-ubnd-tinh, name: Văn phòng UBND tỉnh, to: [vp-ubnd@example.org] }
          - { id: so-gddt, name: Sở Giáo dục và Đào tạo, to: [so-gddt@example.org] }
          - { id: cac-so, name: "Các sở, ban, ngành tỉnh", aliases: ["các sở, ban, ngành"], group: true, members: [so-noi-vu, so-vhttdl, so-gddt] }
          - { id: vu-tdkt, name: Vụ Thi đua - Khen thưởng, to: [vu-tdkt@example.org] }
          - { id: vp-bo, name: Văn phòng Bộ, to: [vp-bo@example.org] }
          - { id: vu-tccb, name: Vụ Tổ chức cán bộ, to: [vu-tccb@example.org] }
          - { id: ban-tdkt-tw, name: Ban Thi đua - Khen thưởng Trung ương, to: [ban-tdkt@example.org] }
          - { id: don-vi-bo, name: Các đơn vị thuộc Bộ, group: true, members: [vu-tdkt, vp-bo, vu-tccb] }
          - { id: ubnd-xa, name: Ủy ban nhân dân xã Hòa Bình, aliases: ["UBND xã"], to: [ubnd-xa@example.org] }
          - { id: phong-vhxh, name: Phòng Văn hóa - Xã hội, to: [vhxh@example.org] }
          - { id: vp-xa, name: Văn phòng HĐND và UBND xã, to: [vp-xa@example.org] }
          - { id: cong-an-xa, name: Công an xã, to: [ca-xa@example.org] }
          - { id: thon-na-lau, name: Thôn Nà Lầu, to: [na-lau@example.org] }
          - { id: thon-khon-pong, name: Thôn Khòn Pổng, to: [khon-pong@example.org] }
          - { id: cac-thon, name: Các thôn, group: true, members: [thon-na-lau, thon-khon-pong] }
          - { id: phong-gdtrh, name: Phòng Giáo dục trung học, to: [gdtrh@example.org] }
          - { id: vp-so, name: Văn phòng Sở, to: [vp-so@example.org] }
          - { id: phong-tccb, name: Phòng Tổ chức cán bộ, to: [tccb@example.org] }
          - { id: thpt-viet-bac, name: Trường THPT Việt Bắc, to: [vietbac@example.org] }
          - { id: thpt-chu-van-an, name: Trường THPT Chu Văn An, to: [cva@example.org] }
          - { id: truong-thpt, name: Các trường THPT, group: true, members: [thpt-viet-bac, thpt-chu-van-an] }
        """;

    /// <summary>Who each plan's section III asks to fund it, with no date: a line that names an agency and is no task.</summary>
    private static readonly Dictionary<string, string> Monitors = new(StringComparer.Ordinal)
    {
        ["province"] = "UBND tỉnh", ["ministry"] = "Văn phòng Bộ", ["commune"] = "Công an xã", ["sector"] = "Phòng Tổ chức cán bộ",
    };

    private static readonly string[] Contents =
    [
        "phát động phong trào thi đua yêu nước", "tổ chức ký kết giao ước thi đua", "hướng dẫn đăng ký danh hiệu thi đua",
        "tổng hợp, thẩm định hồ sơ đề nghị khen thưởng", "kiểm tra công tác thi đua, khen thưởng", "sơ kết phong trào thi đua",
        "tổ chức hội nghị điển hình tiên tiến", "tuyên truyền gương người tốt, việc tốt", "rà soát, cập nhật phần mềm quản lý khen thưởng",
        "tập huấn nghiệp vụ công tác thi đua, khen thưởng", "bình xét danh hiệu thi đua cuối năm", "tổng kết công tác thi đua, khen thưởng",
    ];

    private static readonly string[] Topics = ["CÔNG TÁC THI ĐUA", "CÔNG TÁC KHEN THƯỞNG", "CÔNG TÁC KIỂM TRA, TUYÊN TRUYỀN"];

    /// <summary>A time phrase as plans write it and the last allowed day it means in <paramref name="year"/>.</summary>
    /// <remarks>Recurring duties and undated tasks too: the count of occurrences the phrase states, the first one's day (an undated task's is the year's last).</remarks>
    private static (string Phrase, LocalDate Due, int Occurrences)[] Times(int year) =>
    [
        ("Quý I", new(year, 3, 31), 1), ($"Quý II/{year}", new(year, 6, 30), 1), ("Quý III", new(year, 9, 30), 1), ("Quý IV", new(year, 12, 31), 1),
        ($"Tháng 3/{year}", new(year, 3, 31), 1), ("Tháng 10", new(year, 10, 31), 1), ($"Trước ngày 15/01/{year}", new(year, 1, 14), 1),
        ($"trước ngày 20/11/{year}", new(year, 11, 19), 1), ("6 tháng đầu năm", new(year, 6, 30), 1), ($"Chậm nhất ngày 10/12/{year}", new(year, 12, 10), 1),
        ("Thường xuyên", new(year, 12, 31), 1), ("Định kỳ hằng tháng, trước ngày 20", new(year, 1, 19), 12), ("Hằng quý", new(year, 3, 31), 4),
        ("Trước ngày 15/6 và trước ngày 15/11", new(year, 6, 14), 2), ("Khi có yêu cầu", new(year, 12, 31), 1), ("Hằng năm, trước ngày 15/10", new(year, 10, 14), 1),
    ];

    /// <summary>The plans: every issuer in every layout, each with its own tasks (a fixed seed: the same corpus every run).</summary>
    public static IReadOnlyList<CorpusPlan> Plans()
    {
        var random = new Random(2026);
        var plans = new List<CorpusPlan>();
        foreach (var issuer in Issuers)
        {
            foreach (var layout in Enum.GetValues<CorpusLayout>())
            {
                const int year = 2026;
                var times = Times(year);
                var groups = new List<(string, IReadOnlyList<CorpusTask>)>();
                var agencies = issuer.Agencies;
                for (var g = 0; g < 3; g++)
                {
                    var tasks = new List<CorpusTask>();
                    // The first topic's tasks share one supporting agency: a merged cell in the .docx.
                    var shared = agencies[random.Next(agencies.Count)];
                    for (var t = 0; t < 2 + random.Next(2); t++)
                    {
                        var lead = agencies[random.Next(agencies.Count)];
                        var support = g == 0 ? shared : random.Next(3) == 0 ? null : agencies[random.Next(agencies.Count)];
                        if (support is not null && support.Ids.SequenceEqual(lead.Ids))
                        {
                            support = null;
                        }
                        var (phrase, due, occurrences) = times[random.Next(times.Length)];
                        var content = Contents[random.Next(Contents.Length)];
                        tasks.Add(new CorpusTask(char.ToUpperInvariant(content[0]) + content[1..] + $" năm {year}", phrase, due, lead, support) { Occurrences = occurrences });
                    }
                    groups.Add((Topics[g], tasks));
                }
                var supervisor = agencies.First(a => a.Written == issuer.Supervisor);
                var follow = new CorpusTask($"{issuer.Supervisor} theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả báo cáo trước ngày 05/12/{year}",
                    $"trước ngày 05/12/{year}", new LocalDate(year, 12, 4), supervisor, null);
                var monitor = agencies.First(a => a.Written == Monitors[issuer.Kind]);
                plans.Add(new CorpusPlan($"{issuer.Kind}-{layout.ToString().ToLowerInvariant()}", issuer, 100 + plans.Count, new LocalDate(year - 1, 12, 10 + plans.Count),
                    year, layout, groups, follow, monitor));
            }
        }
        return plans;
    }

    /// <summary>Every document of the corpus: each plan as text and .docx; decomposed, portal and .xlsx copies; some as PDF (<see cref="PdfsAsync"/>).</summary>
    public static IReadOnlyList<CorpusDocument> Documents()
    {
        var documents = new List<CorpusDocument>();
        foreach (var plan in Plans())
        {
            var elements = CorpusElements.Of(plan);
            documents.Add(new(plan.Name + ".txt", Encoding.UTF8.GetBytes(CorpusText.Render(elements, portal: false)), plan, $"{plan.Issuer.Kind}, {plan.Layout}, text"));
            documents.Add(new(plan.Name + ".docx", CorpusDocx.Render(elements, plan), plan, $"{plan.Issuer.Kind}, {plan.Layout}, Word numbering, merged cells, tracked changes, comments"));
            documents.Add(new(plan.Name + "-nfd.txt", Encoding.UTF8.GetBytes(CorpusText.Render(elements, portal: false).Normalize(NormalizationForm.FormD)), plan,
                $"{plan.Issuer.Kind}, {plan.Layout}, decomposed Unicode"));
            if (plan.Layout != CorpusLayout.Prose)
            {
                documents.Add(new(plan.Name + "-portal.txt", Encoding.UTF8.GetBytes(CorpusText.Render(elements, portal: true)), plan,
                    $"{plan.Issuer.Kind}, {plan.Layout}, portal copy"));
                documents.Add(new(plan.Name + ".xlsx", CorpusXlsx.Render(elements), plan, $"{plan.Issuer.Kind}, {plan.Layout}, workbook, signature side by side"));
            }
        }
        return documents;
    }

    /// <summary>LibreOffice's PDF of one .docx per issuer (a table plan and a prose plan each), as a specialist exports it.</summary>
    public static async Task<IReadOnlyList<CorpusDocument>> PdfsAsync()
    {
        var pdfs = new List<CorpusDocument>();
        foreach (var plan in Plans().Where(p => p.Layout != CorpusLayout.Appendix))
        {
            // Revisions accepted first: a PDF of a draft with tracked changes prints the deleted words struck through.
            var pdf = await Infrastructure.LibreOffice.ToPdfAsync(CorpusDocx.Render(CorpusElements.Of(plan), plan, revisions: false), plan.Name + ".docx");
            pdfs.Add(new(plan.Name + ".pdf", await File.ReadAllBytesAsync(pdf), plan, $"{plan.Issuer.Kind}, {plan.Layout}, LibreOffice PDF of the .docx"));
        }
        return pdfs;
    }

    internal static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
