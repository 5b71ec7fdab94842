using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Console.Import;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// Nhập kế hoạch fixes what it can in place, over real HTTP against Azurite: a name the directory does not know is
/// recorded as an alias of the agency it means, or added as an agency (a bad address says why and adds nothing); the
/// preview then reads clean and shows the reminders the plan will cause in its first weeks. A viewer cannot fix.
/// </summary>
public sealed class ConsoleImportFixTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private const string Council = "Hội đồng Thi đua Khen thưởng tỉnh Lạng Sơn";
    private const string Zone = "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_names_are_fixed_in_the_preview_by_an_alias_or_a_new_agency_then_the_first_weeks_reminders_show()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));
        var text = (await File.ReadAllTextAsync(RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.txt"), Ct))
            .Replace("- Hội đồng TĐKT tỉnh. - Sở Nội vụ.", $"- {Council}. - Sở Nội vụ.", StringComparison.Ordinal)
            .Replace("- Sở Nội vụ. - Hội đồng xét tôn vinh.", $"- Sở Nội vụ. - {Zone}.", StringComparison.Ordinal);

        using var pasted = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(text), "text" } });
        var first = WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pasted.StatusCode);
        Assert.Contains("Cơ quan chưa có trong danh bạ (2)", first, StringComparison.Ordinal);
        Assert.Contains($"“{Council}” (các nhiệm vụ 3, 5, 10, 15, 17, 18, 25)", first, StringComparison.Ordinal);
        Assert.Contains($"“{Zone}” (nhiệm vụ 14)", first, StringComparison.Ordinal);
        // The council's own name is offered first, and nothing is chosen for the person: the fix is theirs to make.
        Assert.Matches("<option value=\"\" selected>— chọn cơ quan —</option><option value=\"hoi-dong-tdkt-tinh\">Có phải: Hội đồng Thi đua - Khen thưởng tỉnh</option>", first);
        Assert.DoesNotMatch("value=\"alias\" checked", first);
        var index = (string name) => Regex.Match(first, $"name=\"written-(\\d)\" value=\"{Regex.Escape(name)}\"").Groups[1].Value;
        var (council, zone) = (index(Council), index(Zone));
        var content = Regex.Match(first, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;
        (string, string)[] Fix(string zoneAddress) =>
        [
            ("csrf", csrf), ("content", content), ("fileName", ConsoleImportPage.PastedFileName), ("count", "2"),
            ($"written-{council}", Council), ($"do-{council}", "alias"), ($"agency-{council}", "hoi-dong-tdkt-tinh"),
            ($"written-{zone}", Zone), ($"do-{zone}", "new"), ($"newId-{zone}", "ban-qlkkt-dong-dang"), ($"newTo-{zone}", zoneAddress),
            ($"newSupervisor-{zone}", "ubnd-tinh"),
        ];

        // A viewer cannot fix anything.
        await web.Get<AdminUsers>().SetAsync("lanhdao@example.org", AdminRole.Viewer, Admin, Ct);
        using (var viewer = new ConsoleBrowser(web))
        {
            await viewer.SignInAsAsync("lanhdao@example.org");
            var viewerCsrf = ConsoleBrowser.CsrfIn(await viewer.PageAsync("console"));
            using var refused = await viewer.PostAsync("console/import/agencies", [.. Fix("bqlkkt@example.org").Skip(1).Prepend(("csrf", viewerCsrf))]);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Null((await web.Get<AgencyStore>().LoadAsync(Ct)).FindByName(Council));

        // The alias is recorded; the new agency with a bad address is refused with why, and nothing of it is stored.
        using (var half = await admin.PostAsync("console/import/agencies", Fix("bqlkkt-at-example.org")))
        {
            var page = WebUtility.HtmlDecode(await half.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
            Assert.Contains($"Đã ghi “{Council}” là một tên của Hội đồng Thi đua - Khen thưởng tỉnh", page, StringComparison.Ordinal);
            Assert.Contains($"“{Zone}”: chưa sửa được: Địa chỉ email “bqlkkt-at-example.org” không hợp lệ.", page, StringComparison.Ordinal);
            Assert.Contains("Cơ quan chưa có trong danh bạ (1)", page, StringComparison.Ordinal);
        }
        var directory = await web.Get<AgencyStore>().LoadAsync(Ct);
        Assert.Equal("hoi-dong-tdkt-tinh", directory.FindByName(Council)?.Id.Value);
        Assert.Null(directory.Find(new AgencyId("ban-qlkkt-dong-dang")));

        // Fixed: the preview reads clean, can be saved, and shows the first weeks' digests.
        using var fixedUp = await admin.PostAsync("console/import/agencies", Fix("bqlkkt@example.org"));
        var clean = WebUtility.HtmlDecode(await fixedUp.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.Contains($"Đã thêm {Zone} (ban-qlkkt-dong-dang) vào danh bạ.", clean, StringComparison.Ordinal);
        Assert.Contains("Đọc được kế hoạch, chưa lưu gì.", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("Cơ quan chưa có trong danh bạ", clean, StringComparison.Ordinal);
        var added = (await web.Get<AgencyStore>().LoadAsync(Ct)).Find(new AgencyId("ban-qlkkt-dong-dang"))!;
        Assert.Equal((Zone, "bqlkkt@example.org", "ubnd-tinh"), (added.Name, added.To.Single(), added.Supervisor?.Value));
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(10, Ct);
        Assert.Contains(audit, a => a is { Action: "agency-alias", Subject: "hoi-dong-tdkt-tinh", By: Admin } && a.Detail == Council);
        Assert.Contains(audit, a => a is { Action: "agency-add", Subject: "ban-qlkkt-dong-dang", By: Admin });
        // Người dùng reads the trail in words, not the stored action names.
        var trail = WebUtility.HtmlDecode(await admin.PageAsync("console/users"));
        Assert.Contains($"ghi tên khác của cơ quan</td><td style=\"text-align:left\">hoi-dong-tdkt-tinh ({Council})", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("agency-alias", trail, StringComparison.Ordinal);

        // Activated on Friday 24/03/2023: the quarter's list goes out on Monday, and the new agency hears of task 14 when the second quarter starts.
        Assert.Contains("<h3>Thư nhắc việc trong ba tuần đầu</h3>", clean, StringComparison.Ordinal);
        var monday = Regex.Match(clean, "<summary>Thứ Hai, 27/03/2023: (\\d+) thư, (\\d+) lượt nhắc nhiệm vụ</summary>(.*?)</details>", RegexOptions.Singleline);
        Assert.True(monday.Success, "no digest forecast on Monday 27/03/2023");
        Assert.Contains("<td>Sở Nội vụ</td>", monday.Groups[3].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(Zone, monday.Groups[3].Value, StringComparison.Ordinal);
        var april = Regex.Match(clean, "<summary>Thứ Hai, 03/04/2023: [^<]*</summary>(.*?)</details>", RegexOptions.Singleline);
        Assert.Contains($"<tr><td>{Zone}</td><td>1 nhiệm vụ cần thực hiện trong quý</td></tr>", april.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<summary>Thứ Bảy", clean, StringComparison.Ordinal);

        // Saved and activated; the directory keeps the alias for next year's plan.
        var saveContent = Regex.Match(clean, "action=\"/console/import/save\">.*?name=\"content\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        using var saved = await admin.PostAsync("console/import/save", ("csrf", csrf), ("content", saveContent), ("fileName", ConsoleImportPage.PastedFileName),
            ("action", "activate"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var plan = Assert.Single(await web.Get<PlanStore>().ListAsync(Ct));
        Assert.Equal(PlanStatus.Active, plan.Status);
        var stored = (await web.Get<PlanStore>().GetAsync(plan.Id, Ct))!;
        Assert.Contains(new AgencyId("ban-qlkkt-dong-dang"), stored.Tasks.Single(t => t.Number == "14").Agencies);
        Assert.Contains(new AgencyId("hoi-dong-tdkt-tinh"), stored.Tasks.Single(t => t.Number == "3").Agencies);
    }

    [Fact]
    public async Task A_plan_pasted_without_its_header_is_completed_in_the_preview_header_fields_and_saved_with_them()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);
        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/import"));
        // Only the plan itself, from its heading: no cover letter citing it, no "Số: …", no issuer, no date of issue.
        var sample = await File.ReadAllTextAsync(RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.txt"), Ct);
        var text = sample[sample.IndexOf("KẾ HOẠCH\n", StringComparison.Ordinal)..];

        using var pasted = await admin.PostMultipartAsync("console/import", new MultipartFormDataContent { { new StringContent(csrf), "csrf" }, { new StringContent(text), "text" } });
        var first = WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pasted.StatusCode);
        // Each missing field says where to give it on this page, not a command-line flag.
        Assert.Contains("số: Thiếu số hiệu kế hoạch (ví dụ “252/KH-UBND”): văn bản không ghi “Số: …/KH-…”; điền ô “Số kế hoạch” ở phần đầu bên dưới", first, StringComparison.Ordinal);
        Assert.Contains("cơ quan ban hành: Thiếu cơ quan ban hành: văn bản không có phần đầu ghi tên cơ quan; điền ô “Cơ quan ban hành”", first, StringComparison.Ordinal);
        Assert.Contains("ngày ban hành: Thiếu ngày ban hành", first, StringComparison.Ordinal);
        Assert.DoesNotContain("--number", first, StringComparison.Ordinal);
        Assert.DoesNotContain("API:", first, StringComparison.Ordinal);
        Assert.Contains("<h2>Phần đầu kế hoạch</h2>", first, StringComparison.Ordinal);
        var content = Regex.Match(first, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;

        // A date that is not one is refused where it was typed; the other two fields are kept in the form.
        (string, string)[] Header(string issuedOn) =>
            [("csrf", csrf), ("content", content), ("fileName", ConsoleImportPage.PastedFileName), ("count", "0"),
                ("number", "252/KH-UBND"), ("issuer", "Ủy ban nhân dân tỉnh Lạng Sơn"), ("issuedOn", issuedOn)];
        using (var bad = await admin.PostAsync("console/import/agencies", Header("31/02/2022")))
        {
            var page = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Contains("ngày ban hành: Ngày “31/02/2022” không hợp lệ", page, StringComparison.Ordinal);
            Assert.DoesNotContain("số: Thiếu", page, StringComparison.Ordinal);
            Assert.Contains("name=\"number\" value=\"252/KH-UBND\"", page, StringComparison.Ordinal);
        }
        Assert.Empty(await web.Get<PlanStore>().ListAsync(Ct));

        using var completed = await admin.PostAsync("console/import/agencies", Header("21/12/2022"));
        var clean = WebUtility.HtmlDecode(await completed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Contains("Kế hoạch số 252/KH-UBND: Công tác thi đua, khen thưởng năm 2023", clean, StringComparison.Ordinal);
        var saveContent = Regex.Match(clean, "action=\"/console/import/save\">.*?name=\"content\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        using var saved = await admin.PostAsync("console/import/save", ("csrf", csrf), ("content", saveContent), ("fileName", ConsoleImportPage.PastedFileName),
            ("number", "252/KH-UBND"), ("issuer", "Ủy ban nhân dân tỉnh Lạng Sơn"), ("issuedOn", "21/12/2022"), ("action", "draft"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var plan = (await web.Get<PlanStore>().GetAsync(Assert.Single(await web.Get<PlanStore>().ListAsync(Ct)).Id, Ct))!;
        Assert.Equal(("252/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", new NodaTime.LocalDate(2022, 12, 21), 2023),
            (plan.Number, plan.Issuer, plan.IssuedOn, plan.Year));
    }
}
