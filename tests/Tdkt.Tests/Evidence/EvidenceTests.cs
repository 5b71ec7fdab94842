using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Storage;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Evidence;

/// <summary>
/// Files attached through the agency's page, over HTTP against Azurite's blob and table services: kept with the
/// confirmation, listed for the agency and for its supervising agency, downloaded only as attachments through
/// short-lived links; refused by content (a renamed program, an oversized file, a zip bomb dressed as .docx, macros)
/// with the file named and nothing recorded; removed by the agency only within the undo window.
/// </summary>
public sealed partial class EvidenceTests(LocalServices services)
{
    private const string Agency = "hoi-dong-tdkt-tinh";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Files_sent_with_the_confirmation_are_kept_listed_for_both_agencies_and_downloaded_as_attachments()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = TaskOf(web);
        var page = web.PagePath(Agency);
        var pdf = EvidenceFixtures.Pdf();
        var docx = EvidenceFixtures.Docx();

        using var posted = await web.PostFilesAsync(page, task, "complete",
            [("C:\\Users\\vanthu\\Báo cáo quý I\u202Egnp.pdf", pdf, "application/pdf"), ("../../ke-hoach.docx", docx, "application/octet-stream")]);
        var record = (await web.AssignmentAsync(task, Agency))!;

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.True(record.Done);
        Assert.Equal(["Báo cáo quý Ignp.pdf", "ke-hoach.docx"], record.Files.Select(f => f.Name));
        Assert.All(record.Files, f => Assert.Equal("Nguyễn Văn An", f.By));
        Assert.Equal([pdf.Length, docx.Length], record.Files.Select(f => (int)f.Bytes));

        // The agency's page lists them with download links; so does the supervising agency's (Sở Nội vụ).
        var html = await web.PageAsync(page);
        var links = DownloadLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(2, links.Count);
        var supervisor = await web.PageAsync(web.PagePath("so-noi-vu"));
        Assert.Contains("Hội đồng Thi đua - Khen thưởng tỉnh, nhiệm vụ " + record.TaskNumber + ": tệp đính kèm", WebUtility.HtmlDecode(supervisor), StringComparison.Ordinal);
        Assert.Equal(2, DownloadLink().Count(supervisor));

        // Downloads: the bytes as sent, always as an attachment, never sniffed; HEAD has the headers only.
        using var download = await web.Http.GetAsync(new Uri(new Uri(web.Host.Address, page), links[0]), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Báo cáo quý Ignp.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        using var head = await web.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(new Uri(web.Host.Address, page), links[1])), Ct);
        Assert.Equal((HttpStatusCode.OK, 0), (head.StatusCode, (await head.Content.ReadAsByteArrayAsync(Ct)).Length));

        // The audit has who and when for each file.
        var audit = await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct);
        Assert.Equal(2, audit.Count(a => a.Action == Tdkt.Evidence.EvidenceStore.Actions.Attach && a.Assignment == task.AssignmentKey(Agency)));

        // A download address is short-lived, and a forged one is refused.
        web.Clock.Advance(Duration.FromMinutes(61));
        using var late = await web.Http.GetAsync(new Uri(new Uri(web.Host.Address, page), links[0]), Ct);
        using var forged = await web.Http.GetAsync(new Uri(new Uri(web.Host.Address, page), links[0][..^3] + "AAA"), Ct);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    public static TheoryData<string, string, int, string> Refused => new()
    {
        { "program", "bao-cao.pdf", 422, "là tệp chương trình" },
        { "oversized", "bao-cao-lon.pdf", 413, "lớn hơn 10 MB" },
        { "bomb", "ke-hoach.docx", 422, "bị hỏng hoặc có nội dung nén bất thường" },
        { "macros", "bieu-mau.docx", 422, "có macro" },
        { "text", "ghi-chu.pdf", 422, "không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG, JPEG" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_refused_by_its_content_is_named_and_nothing_is_recorded(string kind, string name, int status, string reason)
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = TaskOf(web);
        var page = web.PagePath(Agency);
        byte[] content = kind switch
        {
            "program" => EvidenceFixtures.Program(),
            "oversized" => [.. EvidenceFixtures.Pdf(), .. new byte[10 * 1024 * 1024]],
            "bomb" => EvidenceFixtures.ZipBomb(),
            "macros" => EvidenceFixtures.Docx(macros: true),
            _ => "Chỉ là văn bản"u8.ToArray(),
        };

        using var posted = await web.PostFilesAsync(page, task, "complete", [("hop-le.pdf", EvidenceFixtures.Pdf(), "application/pdf"), (name, content, "application/pdf")]);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));

        Assert.Equal(status, (int)posted.StatusCode);
        Assert.Contains($"Chưa ghi nhận gì: tệp “{name}” {reason}", html, StringComparison.Ordinal);
        var record = (await web.AssignmentAsync(task, Agency))!;
        Assert.False(record.Done);
        Assert.Empty(record.Files);
        Assert.Empty(await BlobsAsync(web));
    }

    [Fact]
    public async Task A_sixth_file_is_refused_and_the_agency_removes_a_file_only_within_the_undo_window()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = TaskOf(web);
        var page = web.PagePath(Agency);
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostFilesAsync(page, task, "complete", [.. Enumerable.Range(1, 3).Select(i => ($"bao-cao-{i}.pdf", EvidenceFixtures.Pdf(), "application/pdf"))])).StatusCode);

        // Added after the confirmation; three more would make six.
        using var tooMany = await web.PostFilesAsync(page, task, "files", [.. Enumerable.Range(4, 3).Select(i => ($"phu-luc-{i}.pdf", EvidenceFixtures.Pdf(), "application/pdf"))]);
        using var two = await web.PostFilesAsync(page, task, "files", [.. Enumerable.Range(4, 2).Select(i => ($"phu-luc-{i}.pdf", EvidenceFixtures.Pdf(), "application/pdf"))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("mỗi nhiệm vụ nhận tối đa 5 tệp", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, two.StatusCode);
        var files = (await web.AssignmentAsync(task, Agency))!.Files;
        Assert.Equal(5, files.Count);
        Assert.Equal(5, (await BlobsAsync(web)).Count);

        // Removed within 15 minutes: off the list and out of storage, its old download link answers 404.
        var html = await web.PageAsync(page);
        var link = WebUtility.HtmlDecode(DownloadLink().Match(html).Groups[1].Value);
        var removed = files[0];
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostAsync(page, task, $"files/{removed.Id}/remove")).StatusCode);
        Assert.DoesNotContain((await web.AssignmentAsync(task, Agency))!.Files, f => f.Id == removed.Id);
        Assert.Equal(4, (await BlobsAsync(web)).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync(new Uri(new Uri(web.Host.Address, page), link), Ct)).StatusCode);
        Assert.DoesNotContain(removed.Name + "</a>", await web.PageAsync(web.PagePath("so-noi-vu")), StringComparison.Ordinal);

        // Later, the files stay: the page says whom to ask.
        web.Clock.Advance(Duration.FromMinutes(16));
        using var late = await web.PostAsync(page, task, $"files/{files[1].Id}/remove");
        Assert.Equal(HttpStatusCode.SeeOther, late.StatusCode);
        Assert.Contains("m=filekept", late.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, (await web.AssignmentAsync(task, Agency))!.Files.Count);
    }

    [Fact]
    public async Task Files_go_with_the_plans_records_period_content_listing_and_the_supervisors_page()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = TaskOf(web);
        var page = web.PagePath(Agency);
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostFilesAsync(page, task, "complete", [("bao-cao.pdf", EvidenceFixtures.Pdf(), "application/pdf")])).StatusCode);

        // Within the period (2023 + 2 years), retention keeps them.
        web.Clock.Reset(Instant.FromUtc(2025, 12, 31, 1, 0));
        Assert.Equal(0, (await web.Get<Tdkt.Retention.RetentionSweep>().RunAsync(Ct)).FilesDeleted);
        Assert.Single((await web.AssignmentAsync(task, Agency))!.Files);

        web.Clock.Reset(Instant.FromUtc(2026, 1, 2, 1, 0));
        var result = await web.Get<Tdkt.Retention.RetentionSweep>().RunAsync(Ct);

        Assert.Equal(1, result.FilesDeleted);
        var record = (await web.AssignmentAsync(task, Agency))!;
        Assert.Empty(record.Files);
        Assert.True(record.Done);
        Assert.Empty(await BlobsAsync(web));
        var rows = await web.Get<CompletionStore>().PageRowsAsync(web.Plan.Id.Value, "so-noi-vu", true, Ct);
        Assert.Empty(rows.Inbox);
    }

    [Fact]
    public async Task The_report_lists_each_file_with_its_agency_task_sender_and_time_and_leaves_out_files_sent_after_its_date()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = TaskOf(web);
        var number = web.Plan.Tasks.Single(t => t.Key == task.TaskKey).Number;
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostFilesAsync(web.PagePath(Agency), task, "complete", [("Báo cáo quý I.pdf", EvidenceFixtures.Pdf(), "application/pdf")])).StatusCode);
        var code = $"code={WebScenario.AdminKey}";

        // 24/03/2023 08:00 in Vietnam (the scenario's clock): in the report as of that day, with who and when, in every format.
        var json = System.Text.Json.JsonDocument.Parse(await web.Http.GetStringAsync($"api/plans/{web.Plan.Id}/report?format=json&asOf=2023-03-24&{code}", Ct)).RootElement;
        var file = json.GetProperty("files").EnumerateArray().Single();
        Assert.Equal((Agency, number, "Báo cáo quý I.pdf", "pdf", "Nguyễn Văn An", "link", "2023-03-24T08:00:00+07:00"),
            (file.GetProperty("agency").GetString(), file.GetProperty("task").GetString(), file.GetProperty("file").GetString(), file.GetProperty("kind").GetString(),
                file.GetProperty("by").GetString(), file.GetProperty("via").GetString(), file.GetProperty("at").GetString()));
        var text = await TextReportAsync(web, "2023-03-24");
        Assert.Contains($"Tệp kết quả đã gửi (1):\n- Hội đồng Thi đua - Khen thưởng tỉnh, nhiệm vụ {number}: Báo cáo quý I.pdf (PDF, 1 KB, gửi lúc 08:00 ngày 24/03/2023, người gửi: Nguyễn Văn An)",
            text, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await web.Http.GetStringAsync($"api/plans/{web.Plan.Id}/report?format=html&asOf=2023-03-24&{code}", Ct));
        Assert.Contains("<h2>Tệp kết quả đã gửi (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>Hội đồng Thi đua - Khen thưởng tỉnh</td><td>{number}</td><td>Báo cáo quý I.pdf</td><td>PDF, 1 KB, gửi lúc 08:00 ngày 24/03/2023, người gửi: Nguyễn Văn An</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/f/", html, StringComparison.Ordinal);

        // As of the day before, the file was not sent yet.
        var before = System.Text.Json.JsonDocument.Parse(await web.Http.GetStringAsync($"api/plans/{web.Plan.Id}/report?format=json&asOf=2023-03-23&{code}", Ct)).RootElement;
        Assert.Empty(before.GetProperty("files").EnumerateArray());
        Assert.DoesNotContain("Tệp kết quả", await TextReportAsync(web, "2023-03-23"), StringComparison.Ordinal);
    }

    /// <summary>The report as <c>tdkt report</c> prints it (text is the terminal's format, not the API's).</summary>
    private static async Task<string> TextReportAsync(WebScenario web, string asOf)
    {
        var outcome = await web.Get<Tdkt.Reports.ReportBuilder>().BuildAsync(web.Plan.Id.Value, Tdkt.Reports.ReportFormat.Text,
            NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value, Ct);
        return System.Text.Encoding.UTF8.GetString(outcome.Document!.Content);
    }

    private static TaskRef TaskOf(WebScenario web) =>
        web.Task(web.Plan.Tasks.First(t => !t.Deadline.IsOngoing && t.Agencies.Any(a => a.Value == Agency)).Number);

    private static async Task<List<string>> BlobsAsync(WebScenario web)
    {
        var container = await web.Get<StorageBlobs>().EvidenceAsync(Ct);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: Ct))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    [GeneratedRegex("<a href=\"(\\.\\./f/[^\"]+)\" download")]
    private static partial Regex DownloadLink();
}
