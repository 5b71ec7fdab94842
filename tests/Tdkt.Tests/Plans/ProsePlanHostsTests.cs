using System.Net;
using System.Text;
using System.Text.Json;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Tests.AdminConsole;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans.Corpus;

namespace Tdkt.Tests.Plans;

/// <summary>
/// A plan in prose through every host, over real HTTP against Azurite: <c>POST /api/plans</c> stores its tasks and answers
/// what it did not read; <c>tdkt plan import --dry-run --json</c> gives the same list as <c>notRead</c>; the console's preview
/// shows it above the tasks. Errors in a .docx, a workbook and a PDF say the page or sheet and row, and the field in Vietnamese.
/// </summary>
public sealed class ProsePlanHostsTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string Plan = """
        ỦY BAN NHÂN DÂN
        TỈNH LẠNG SƠN
        Số: 31/KH-UBND
        Lạng Sơn, ngày 05 tháng 01 năm 2026
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2026
        Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022, UBND tỉnh ban hành Kế hoạch như sau:
        I. NHIỆM VỤ
        1. Công tác thi đua
        - Hội đồng Thi đua - Khen thưởng tỉnh phát động phong trào thi đua năm 2026, phối hợp với Giám đốc Sở Nội vụ. Thời gian: Quý I/2026.
        - Sở Tài chính bảo đảm kinh phí khen thưởng. Thời gian: trước ngày 30/6/2026.
        2. Sở Nội vụ:
        a) Tổng hợp hồ sơ khen thưởng, hoàn thành trước ngày 20/11/2026.
        b) Hướng dẫn nghiệp vụ cho các cơ quan, đơn vị.
        Nơi nhận:
        - Sở Nội vụ;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        Hồ Tiến Thiệu
        """;

    [Fact]
    public async Task The_API_stores_a_prose_plan_and_answers_what_it_did_not_read()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        using var response = await web.PostPlanAsync(Encoding.UTF8.GetBytes(Plan), "text/plain", "ke-hoach-van-xuoi.txt");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await web.Get<PlanStore>().GetAsync(new PlanId("2026-31-kh-ubnd"), Ct);
        Assert.Equal(["I.1.1", "I.1.2", "I.2.a"], stored!.Tasks.Select(t => t.Number));
        Assert.Equal(["hoi-dong-tdkt-tinh", "so-noi-vu"], stored.Tasks[0].Agencies.Select(a => a.Value));
        Assert.Equal("so-noi-vu", stored.Tasks[2].Agencies.Single().Value);
        var notRead = body.RootElement.GetProperty("notRead").EnumerateArray().ToList();
        Assert.Equal(3, notRead.Count);
        Assert.StartsWith("Có tên cơ quan nhưng nằm trong phần mở đầu", notRead[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("dòng 14", "b) Hướng dẫn nghiệp vụ cho các cơ quan, đơn vị."),
            (notRead[1].GetProperty("where").GetString(), notRead[1].GetProperty("text").GetString()));
        Assert.StartsWith("Có cơ quan thực hiện nhưng không ghi thời hạn", notRead[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Nơi nhận", notRead[2].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tdkt_plan_import_json_lists_what_it_did_not_read()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tdkt-prose-").FullName, "van-xuoi.txt");
        await File.WriteAllTextAsync(file, Plan, Ct);

        var result = await CliInProcess.RunAsync(new Dictionary<string, string>(), "plan", "import", file, "--agencies", Samples.DirectoryPath, "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(["dòng 7", "dòng 14", "dòng 15"], json.RootElement.GetProperty("notRead").EnumerateArray().Select(u => u.GetProperty("where").GetString()));
    }

    [Fact]
    public async Task The_console_preview_shows_what_it_did_not_read_above_the_tasks()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));

        using var pasted = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(Plan), "text" } });
        var page = WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, pasted.StatusCode);
        var notRead = page.IndexOf("Không đọc thành nhiệm vụ (3)", StringComparison.Ordinal);
        Assert.True(notRead > 0 && notRead < page.IndexOf("<h3>Các nhiệm vụ</h3>", StringComparison.Ordinal));
        Assert.Contains("<td>dòng 14</td><td>b) Hướng dẫn nghiệp vụ cho các cơ quan, đơn vị.</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_a_docx_a_workbook_and_a_PDF_say_where_a_person_looks_with_the_field_in_Vietnamese()
    {
        var corpus = PlanCorpus.Documents().ToDictionary(d => d.FileName);

        // Read against the sample directory, which has none of the ministry's units.
        var docx = PlanImporter.Import(corpus["ministry-table.docx"].Content, "bo.docx", Samples.Directory()).Errors.First(e => e.Field == "agencies");
        var xlsx = PlanImporter.Import(corpus["ministry-table.xlsx"].Content, "bo.xlsx", Samples.Directory()).Errors.First(e => e.Field == "agencies");
        var withoutHomeAffairs = new Tdkt.Agencies.AgencyDirectory(Samples.Directory().Agencies.Where(a => a.Id.Value != "so-noi-vu"));
        var pdf = PlanImporter.Import(File.ReadAllBytes(PublishedFormsTests.Plan2025Pdf), "kh.pdf", withoutHomeAffairs).Errors.First(e => e.Field == "agencies");

        Assert.Matches(@"^bo\.docx \(bảng \d, dòng \d+\): cơ quan thực hiện: Không có cơ quan", docx.Describe());
        Assert.Matches(@"^bo\.xlsx \(trang tính “Kế hoạch”, dòng \d+\): cơ quan thực hiện: Không có cơ quan", xlsx.Describe());
        Assert.Matches(@"^kh\.pdf \(trang \d, dòng \d+\): cơ quan thực hiện: Không có cơ quan “Sở Nội vụ” trong danh bạ", pdf.Describe());
    }
}

/// <summary>An alias is recorded only for a whole name the document writes: a fragment or a made-up name posted as a fix is refused and nothing is saved.</summary>
public sealed class ConsoleAliasGuardTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fix_for_a_name_the_document_does_not_write_is_refused_and_the_directory_is_unchanged()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes(ProsePlanHostsTests.Plan));

        // "Nội vụ" is a fragment of a name, not one the document writes as a name the directory lacks.
        using var forged = await admin.PostAsync("console/import/agencies", ("csrf", csrf), ("content", content), ("fileName", "plan.txt"), ("count", "1"),
            ("written-0", "Nội vụ"), ("do-0", "alias"), ("agency-0", "so-noi-vu"));
        var page = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct));

        Assert.Contains("“Nội vụ”: chưa sửa được: tên này không phải một tên cơ quan chưa có trong danh bạ mà văn bản ghi; không ghi gì.", page, StringComparison.Ordinal);
        Assert.Null((await web.Get<Tdkt.Agencies.AgencyStore>().LoadAsync(Ct)).FindByName("Nội vụ"));
    }
}
