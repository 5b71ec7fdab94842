using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>The admin routes over real HTTP with the admin key: report, completion on an agency's behalf, reopen, failed digests and their retry.</summary>
public sealed class AdminRoutesTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Key = "code=" + WebScenario.AdminKey;

    [Fact]
    public async Task The_report_gives_the_four_categories_per_agency_and_quarter_with_percentages_as_json_csv_and_html()
    {
        await using var web = await WebScenario.StartAsync(services);
        await web.PostAsync(web.PagePath("so-noi-vu"), web.Task("1"));
        await web.PostAsync(web.PagePath("so-tai-chinh"), web.Task("III.1"));
        var id = web.Plan.Id.Value;

        using var json = JsonDocument.Parse(await web.Http.GetStringAsync($"api/plans/{id}/report?asOf=2023-04-03&{Key}", Ct));
        var csvResponse = await web.Http.GetAsync($"api/plans/{id}/report?format=csv&asOf=2023-04-03&{Key}", Ct);
        var csv = await csvResponse.Content.ReadAsByteArrayAsync(Ct);
        var htmlResponse = await web.Http.GetAsync($"api/plans/{id}/report?format=html&asOf=2023-04-03&{Key}", Ct);
        var html = await htmlResponse.Content.ReadAsStringAsync(Ct);
        // The report page is HTML for people, with the same security headers as the agency page.
        Assert.Equal(Tdkt.Web.Http.HtmlPages.ContentSecurityPolicy, htmlResponse.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(("nosniff", "no-store"), (htmlResponse.Headers.GetValues("X-Content-Type-Options").Single(), htmlResponse.Headers.CacheControl?.ToString()));

        var root = json.RootElement;
        Assert.Equal("2023-04-03", root.GetProperty("asOf").GetString());
        // 101 assignments; 35 in Q1 (26 table tasks' Q1 part plus III.1), two of them done, the rest of Q1 overdue on 03/04.
        Assert.Equal((101, 1, 1, 66, 33), Counts(root.GetProperty("total")));
        var noiVu = root.GetProperty("byAgency").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "so-noi-vu");
        Assert.Equal("Sở Nội vụ", noiVu.GetProperty("name").GetString());
        Assert.Equal((26, 1, 0, 16, 9), Counts(noiVu.GetProperty("counts")));
        Assert.Equal(3.8m, noiVu.GetProperty("counts").GetProperty("done-on-time").GetProperty("percent").GetDecimal());
        var q1 = noiVu.GetProperty("byQuarter").EnumerateArray().Single(q => q.GetProperty("quarter").GetInt32() == 1);
        Assert.Equal((10, 1, 0, 0, 9), Counts(q1.GetProperty("counts")));
        var taiChinh = root.GetProperty("byAgency").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "so-tai-chinh");
        Assert.Equal((14, 0, 1, 10, 3), Counts(taiChinh.GetProperty("counts")));
        Assert.Equal([35, 23, 23, 20], root.GetProperty("byQuarter").EnumerateArray().Select(q => q.GetProperty("counts").GetProperty("total").GetInt32()));

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Mã cơ quan,Cơ quan,Quý,Hoàn thành đúng hạn,Hoàn thành đúng hạn (%),Hoàn thành quá hạn,Hoàn thành quá hạn (%),"
            + "\"Chưa hoàn thành, trong hạn\",\"Chưa hoàn thành, trong hạn (%)\",\"Chưa hoàn thành, quá hạn\",\"Chưa hoàn thành, quá hạn (%)\",Tổng số", lines[0]);
        Assert.Contains("so-noi-vu,Sở Nội vụ,Cả năm,1,3.8,0,0.0,16,61.5,9,34.6,26", lines);
        Assert.Equal(",Tổng cộng,Cả năm,1,1.0,1,1.0,66,65.3,33,32.7,101", lines[^1]);

        Assert.Contains("<h1>Kế hoạch số 252/KH-UBND:", html, StringComparison.Ordinal);
        Assert.Contains("Số liệu tính đến Thứ Hai, 03/04/2023.", html, StringComparison.Ordinal);
        Assert.Contains("<td>Sở Nội vụ</td><td class=\"c-done-on-time\">1 (3,8 %)</td>", html, StringComparison.Ordinal);

        // The charts, drawn on the server in the official colours, carry the JSON report's figures.
        Assert.Equal(2, Regex.Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var category in Tdkt.Reports.Progress.Official)
        {
            Assert.Contains($"fill=\"{Tdkt.Reports.Progress.Colour(category)}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("<title>Sở Nội vụ: Hoàn thành đúng hạn 1, Hoàn thành quá hạn 0, Chưa hoàn thành, trong hạn 16, Chưa hoàn thành, quá hạn 9</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Tổng cộng: Hoàn thành đúng hạn 1, Hoàn thành quá hạn 1, Chưa hoàn thành, trong hạn 66, Chưa hoàn thành, quá hạn 33</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Quý I: Hoàn thành đúng hạn 1, Hoàn thành quá hạn 1, Chưa hoàn thành, trong hạn 0, Chưa hoàn thành, quá hạn 33</title>", html, StringComparison.Ordinal);
        // Agencies sorted by overdue, as the .docx sorts them: Sở Nội vụ (9) before Sở Tài chính (3).
        Assert.True(html.IndexOf("<td>Sở Nội vụ</td>", StringComparison.Ordinal) < html.IndexOf("<td>Sở Tài chính</td>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_routes_refuse_without_the_key_and_explain_bad_requests()
    {
        await using var web = await WebScenario.StartAsync(services);
        var id = web.Plan.Id.Value;

        var noKey = await web.Http.GetAsync($"api/plans/{id}/report", Ct);
        var badFormat = await web.Http.GetAsync($"api/plans/{id}/report?format=pdf&{Key}", Ct);
        var badDate = await web.Http.GetAsync($"api/plans/{id}/report?asOf=31/03/2023&{Key}", Ct);
        var unknown = await web.Http.GetAsync($"api/plans/2023-999-kh-ubnd/report?{Key}", Ct);
        var misshapen = await web.Http.GetAsync($"api/plans/KH_252/report?{Key}", Ct);
        var misshapenReopen = await web.Http.PostAsJsonAsync($"api/plans/KH_252/tasks/0001/reopen?{Key}", new { reason = "thử" }, Ct);
        var misshapenAgency = await web.Http.PostAsJsonAsync($"api/plans/{id}/tasks/0001/reopen?{Key}", new { reason = "thử", agency = "Sở/Nội vụ" }, Ct);
        var misshapenTask = await web.Http.PostAsJsonAsync($"api/plans/{id}/tasks/00%2301/reopen?{Key}", new { reason = "thử" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("format=pdf không được hỗ trợ: dùng json, csv, html hoặc docx.", await badFormat.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("asOf=31/03/2023 không phải ngày dạng YYYY-MM-DD.", await badDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, misshapen.StatusCode);
        Assert.Equal("Không có kế hoạch KH_252.", await TitleAsync(misshapen));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (misshapenReopen.StatusCode, misshapenAgency.StatusCode, misshapenTask.StatusCode));
    }

    [Fact]
    public async Task Reopening_a_task_needs_a_reason_makes_it_open_again_and_is_audited()
    {
        await using var web = await WebScenario.StartAsync(services);
        await web.PostAsync(web.PagePath("so-noi-vu"), web.Task("1"));
        await web.PostAsync(web.PagePath("ubnd-tinh"), web.Task("1"));
        var route = $"api/plans/{web.Plan.Id.Value}/tasks/0001/reopen?{Key}";

        var noReason = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu" }, Ct);
        var notJson = await web.Http.PostAsync(route, new StringContent("lý do", Encoding.UTF8, "text/plain"), Ct);
        var reopened = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", reason = "Báo cáo chưa đủ số liệu", by = "Phòng TĐKT" }, Ct);
        var again = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", reason = "Lần nữa" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Thiếu lý do mở lại nhiệm vụ", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(["0001--so-noi-vu"], (await reopened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reopened").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False((await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!.Done);
        Assert.True((await web.AssignmentAsync(web.Task("1"), "ubnd-tinh"))!.Done);
        var reopen = (await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct)).Single(a => a.Action == AuditLog.Actions.Reopen);
        Assert.Equal(("0001--so-noi-vu", "Phòng TĐKT", "Báo cáo chưa đủ số liệu"), (reopen.Assignment, reopen.By, reopen.Note));
    }

    [Fact]
    public async Task An_administrator_records_a_completion_reported_by_letter_on_its_date_once_and_bad_requests_change_nothing()
    {
        await using var web = await WebScenario.StartAsync(services);
        var route = $"api/plans/{web.Plan.Id.Value}/tasks/0001/complete?{Key}";
        var today = NodaTime.Text.LocalDatePattern.Iso.Format(new VietnamClock(web.Clock).Today);

        var noAgency = await web.Http.PostAsJsonAsync(route, new { on = "2023-03-20" }, Ct);
        var badDate = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", on = "20/03/2023" }, Ct);
        var future = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", on = "2099-01-01" }, Ct);
        var mistyped = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", on = "2013-03-20" }, Ct);
        var notHeld = await web.Http.PostAsJsonAsync(route, new { agency = "so-y-te-khong-co" }, Ct);
        var misshapen = await web.Http.PostAsJsonAsync(route, new { agency = "Sở Nội vụ" }, Ct);
        var noTask = await web.Http.PostAsJsonAsync(route.Replace("/0001/", "/0001%23x/", StringComparison.Ordinal), new { agency = "so-noi-vu" }, Ct);
        var noKey = await web.Http.PostAsJsonAsync(route.Split('?')[0], new { agency = "so-noi-vu" }, Ct);
        Assert.Empty(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));

        var recorded = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu", on = "2023-03-20", by = "Phòng TĐKT", note = "Báo cáo số 12/BC-SNV" }, Ct);
        var again = await web.Http.PostAsJsonAsync(route, new { agency = "so-noi-vu" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
        Assert.Equal("Thiếu mã cơ quan đã hoàn thành (trường \"agency\", ví dụ \"so-noi-vu\").", await TitleAsync(noAgency));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("cần dạng YYYY-MM-DD", await badDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("Ngày hoàn thành 01/01/2099 là sau hôm nay (24/03/2023): chưa ghi nhận gì.", await TitleAsync(future));
        Assert.Equal("Ngày hoàn thành 20/03/2013 sớm hơn ngày 01/01/2022 (đầu năm trước năm kế hoạch 2023), có lẽ gõ nhầm năm: chưa ghi nhận gì.", await TitleAsync(mistyped));
        Assert.Equal(HttpStatusCode.NotFound, notHeld.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (misshapen.StatusCode, noTask.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Sở Nội vụ đã được ghi nhận hoàn thành nhiệm vụ số 1 ngày 20/03/2023 (Phòng TĐKT) từ trước; muốn sửa ngày thì mở lại nhiệm vụ rồi ghi nhận lại.",
            await TitleAsync(again));

        var record = (await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!;
        Assert.Equal((true, "2023-03-20", CompletionVia.Admin, "Phòng TĐKT", "Báo cáo số 12/BC-SNV"),
            (record.Done, NodaTime.Text.LocalDatePattern.Iso.Format(record.Completion!.On), record.Completion.Via, record.Completion.By, record.Completion.Note));
        var audit = Assert.Single(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.Equal((AuditLog.Actions.Complete, "0001--so-noi-vu", "Phòng TĐKT"), (audit.Action, audit.Assignment, audit.By));
        // The agency's page says it was recorded from its report, on the report's date.
        Assert.Contains("Đã được ghi nhận hoàn thành ngày 20/03/2023 theo báo cáo của cơ quan (người ghi nhận: Phòng TĐKT). Ghi chú: Báo cáo số 12/BC-SNV.",
            System.Net.WebUtility.HtmlDecode(await web.PageAsync(web.PagePath("so-noi-vu"))), StringComparison.Ordinal);
        // Recorded on the report's date, so it counts as done on time (task 1 is due 31/03/2023).
        using var report = JsonDocument.Parse(await web.Http.GetStringAsync($"api/plans/{web.Plan.Id.Value}/report?asOf={today}&{Key}", Ct));
        var noiVu = report.RootElement.GetProperty("byAgency").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "so-noi-vu");
        Assert.Equal(1, noiVu.GetProperty("counts").GetProperty("done-on-time").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Failed_digests_are_listed_and_one_can_be_retried_once()
    {
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?>
        {
            ["Tdkt:Mail:Channel"] = "Smtp",
            ["Tdkt:Mail:From"] = "nhac-viec@example.org",
            ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
            ["Tdkt:Mail:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Tdkt:Mail:MaxAttempts"] = "1",
        });
        await web.Get<ReminderSweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", Ct);
        var pass = await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct);

        var failed = await web.Http.GetFromJsonAsync<JsonElement>($"api/outbox?{Key}", Ct);
        var retry = await web.Http.PostAsync($"api/outbox/2023-03-24/daily/so-noi-vu/retry?{Key}", null, Ct);
        var retryAgain = await web.Http.PostAsync($"api/outbox/2023-03-24/daily/so-noi-vu/retry?{Key}", null, Ct);
        var missing = await web.Http.PostAsync($"api/outbox/2023-03-25/daily/so-noi-vu/retry?{Key}", null, Ct);
        var badKey = await web.Http.PostAsync($"api/outbox/2023-03-24/monthly/so-noi-vu/retry?{Key}", null, Ct);

        Assert.Equal(7, pass.Failed);
        Assert.Equal(7, failed.GetArrayLength());
        Assert.All(failed.EnumerateArray(), e => Assert.Contains("Chưa gửi được qua SMTP", e.GetProperty("lastError").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retryAgain.StatusCode);
        Assert.Contains("chỉ gửi lại được thư đã thất bại", await retryAgain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        var entry = await web.Get<OutboxStore>().GetAsync(DigestKey.Parse("2023-03-24/daily/so-noi-vu"), Ct);
        Assert.Equal((OutboxStatus.Pending, 0), (entry!.Status, entry.Attempts));
        Assert.Contains(DigestKey.Parse("2023-03-24/daily/so-noi-vu"), await web.Get<OutboxStore>().ListPendingAsync(Ct));
        Assert.Equal(6, (await web.Http.GetFromJsonAsync<JsonElement>($"api/outbox?status=failed&{Key}", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task The_task_routes_take_the_number_printed_in_the_plan_as_well_as_the_key()
    {
        await using var web = await WebScenario.StartAsync(services);

        var byNumber = await web.Http.PostAsJsonAsync($"api/plans/{web.Plan.Id.Value}/tasks/III.1/complete?{Key}", new { agency = "so-tai-chinh", on = "2023-01-10" }, Ct);
        var reopened = await web.Http.PostAsJsonAsync($"api/plans/{web.Plan.Id.Value}/tasks/III.1/reopen?{Key}", new { agency = "so-tai-chinh", reason = "Nhầm" }, Ct);
        // Audit rows are keyed by time: the test's clock moves on as a real one would.
        web.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        var byKey = await web.Http.PostAsJsonAsync($"api/plans/{web.Plan.Id.Value}/tasks/iii-1/complete?{Key}", new { agency = "so-tai-chinh", on = "2023-01-11" }, Ct);

        Assert.True(byKey.StatusCode == HttpStatusCode.OK, await byKey.Content.ReadAsStringAsync(Ct));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byNumber.StatusCode, reopened.StatusCode));
        var body = await byNumber.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("III.1", "Đã ghi nhận Sở Tài chính hoàn thành nhiệm vụ số III.1 ngày 10/01/2023 (đúng hạn, hạn 14/01/2023)."),
            (body.GetProperty("task").GetString(), body.GetProperty("message").GetString()));
        Assert.Equal("2023-01-11", NodaTime.Text.LocalDatePattern.Iso.Format((await web.AssignmentAsync(web.Task("III.1"), "so-tai-chinh"))!.Completion!.On));
    }

    [Fact]
    public async Task A_chunked_json_body_over_16_kb_is_refused_as_too_large()
    {
        await using var web = await WebScenario.StartAsync(services);
        var json = Encoding.UTF8.GetBytes($"{{\"reason\": \"{new string('x', 20_000)}\"}}");
        // No Content-Length: sent chunked, so only reading can tell the size.
        using var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/plans/{web.Plan.Id.Value}/tasks/1/reopen?{Key}") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await web.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("Nội dung yêu cầu quá lớn (tối đa 16 KB)", await TitleAsync(response), StringComparison.Ordinal);
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString();
    }

    private static (int Total, int OnTime, int Late, int InTime, int Overdue) Counts(JsonElement counts) => (
        counts.GetProperty("total").GetInt32(),
        counts.GetProperty("done-on-time").GetProperty("count").GetInt32(),
        counts.GetProperty("done-late").GetProperty("count").GetInt32(),
        counts.GetProperty("open-in-time").GetProperty("count").GetInt32(),
        counts.GetProperty("open-overdue").GetProperty("count").GetInt32());
}
