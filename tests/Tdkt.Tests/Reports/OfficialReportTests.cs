using System.Text.Json;
using System.Text.RegularExpressions;
using Tdkt.Reports;
using Tdkt.Reports.Official;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Reports;

/// <summary>
/// The report sent upward (`tdkt report … --format docx`), opened in LibreOffice as the specialist would: converted to
/// PDF and read back, against the JSON report of the same day.
/// </summary>
public sealed partial class OfficialReportTests(LocalServices services)
{
    private const string Plan = "2023-252-kh-ubnd";

    [Theory]
    [InlineData("2023-03-24", "quý I năm 2023", "ngày 24 tháng 3 năm 2023")]
    [InlineData("2023-04-03", "quý I năm 2023", "ngày 03 tháng 4 năm 2023")]
    public async Task The_docx_opens_in_LibreOffice_with_the_plan_the_four_categories_of_the_JSON_report_and_every_overdue_task(string asOf, string period, string dateInWords)
    {
        await using var scenario = await ReminderScenario.StartAsync(services);
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-01-10");
        await scenario.CompleteAsync("III.1", "so-tai-chinh", "2023-03-24");
        var env = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("tdkt-report-").FullName, "bao-cao.docx");

        var docx = await CliInProcess.RunAsync(env, "report", Plan, "--format", "docx", "--as-of", asOf, "-o", file);
        var json = await CliInProcess.RunAsync(env, "report", Plan, "--format", "json", "--as-of", asOf);

        Assert.Equal(0, docx.ExitCode);
        var pdf = await LibreOffice.ToPdfAsync(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), "bao-cao.docx");
        var text = Spaces().Replace(await LibreOffice.TextAsync(pdf), " ");
        Assert.Contains("UBND TỈNH LẠNG SƠN SỞ NỘI VỤ Số:", text, StringComparison.Ordinal);
        // The number is left blank for the clerk: "Số:" and "/BC-SNV" with a space between, where the motto's lines may read in.
        Assert.Matches(@"Số:( CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)? /BC-SNV", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains($"Lạng Sơn, {dateInWords}", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO Kết quả thực hiện Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023 "
            + $"({period})", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn.", text, StringComparison.Ordinal);

        // The four categories, in figures and words, equal to the JSON report's.
        using var report = JsonDocument.Parse(json.StdOut);
        var total = report.RootElement.GetProperty("total");
        Assert.Contains($"trong tổng số {VietnameseWords.Figure(total.GetProperty("total").GetInt32())} lượt nhiệm vụ", text, StringComparison.Ordinal);
        foreach (var category in Progress.Official)
        {
            var count = total.GetProperty(Progress.Slug(category)).GetProperty("count").GetInt32();
            Assert.Contains($"{Progress.Label(category)}: {VietnameseWords.Figure(count)} lượt", text, StringComparison.Ordinal);
        }
        Assert.Contains("- Hoàn thành đúng hạn: 1 (một) lượt", text, StringComparison.Ordinal);

        // Every task open past its date on that day, by its number.
        var day = ReminderScenario.D(asOf);
        var done = new[] { ("1", "so-noi-vu"), ("III.1", "so-tai-chinh") };
        var overdue = scenario.Plan.Tasks
            .Where(t => !t.Deadline.IsOngoing && t.Deadline.Due < day && t.Agencies.Any(a => !done.Contains((t.Number, a.Value))))
            .Select(t => t.Number).ToList();
        Assert.NotEmpty(overdue);
        Assert.Contains($"có {VietnameseWords.Figure(overdue.Count)} nhiệm vụ đã quá thời hạn", text, StringComparison.Ordinal);
        foreach (var number in overdue)
        {
            Assert.Contains($"Nhiệm vụ số {number}:", text, StringComparison.Ordinal);
        }
        Assert.Contains("III. NHIỆM VỤ CHẬM TIẾN ĐỘ", text, StringComparison.Ordinal);
        Assert.Contains("IV. ĐỀ XUẤT, KIẾN NGHỊ", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận: - Như trên; - Lưu: VT.", text, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC", text, StringComparison.Ordinal);
        var info = await LibreOffice.InfoAsync(pdf);
        Assert.Contains("(A4)", info, StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("TDKT_DOCS_IMAGES") is { Length: > 0 })
        {
            Directory.CreateDirectory(RepositoryRoot.File("docs", "images"));
            await LibreOffice.RenderAsync(pdf, RepositoryRoot.File("docs", "images", $"report-{asOf}"));
        }
    }

    [Fact]
    public async Task The_admin_route_answers_the_docx_as_a_download_and_refuses_an_unknown_period()
    {
        await using var web = await WebScenario.StartAsync(services);
        var code = $"code={WebScenario.AdminKey}";

        using var response = await web.Http.GetAsync($"api/plans/{Plan}/report?format=docx&asOf=2023-04-03&period=quarter&{code}", TestContext.Current.CancellationToken);
        using var bad = await web.Http.GetAsync($"api/plans/{Plan}/report?format=docx&period=week&{code}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficialReportDocx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-2023-252-kh-ubnd-2023-q1-2023-04-03.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("period=week", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "không")]
    [InlineData(5, "năm")]
    [InlineData(10, "mười")]
    [InlineData(15, "mười lăm")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(26, "hai mươi sáu")]
    [InlineData(101, "một trăm linh một")]
    [InlineData(110, "một trăm mười")]
    [InlineData(1005, "một nghìn không trăm linh năm")]
    [InlineData(2023, "hai nghìn không trăm hai mươi ba")]
    [InlineData(1_000_000, "một triệu")]
    public void Numbers_are_written_in_words(long value, string words) => Assert.Equal(words, VietnameseWords.Number(value));

    [Theory]
    [InlineData("2023-04-03", "ngày 03 tháng 4 năm 2023")]
    [InlineData("2023-02-15", "ngày 15 tháng 02 năm 2023")]
    [InlineData("2023-12-21", "ngày 21 tháng 12 năm 2023")]
    public void A_date_is_written_as_Decree_30_asks(string date, string words) => Assert.Equal(words, VietnameseWords.Date(ReminderScenario.D(date)));

    [Theory]
    [InlineData("quarter", "2023-03-24", "quý I năm 2023")]
    [InlineData("quarter", "2023-04-03", "quý I năm 2023")]
    [InlineData("quarter", "2023-04-17", "quý II năm 2023")]
    [InlineData("month", "2023-04-03", "tháng 3 năm 2023")]
    [InlineData("half", "2023-07-05", "6 tháng đầu năm 2023")]
    [InlineData("year", "2024-01-08", "năm 2023")]
    [InlineData("year", "2023-12-20", "năm 2023")]
    public void A_report_made_soon_after_a_period_ends_covers_that_period(string kind, string asOf, string label) =>
        Assert.Equal(label, ReportPeriod.For(ReportPeriod.ParseKind(kind)!.Value, ReminderScenario.D(asOf)).Label);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
