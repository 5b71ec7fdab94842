using System.Net;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Tests.Infrastructure;
using Tdkt.Web.AgencyPage;

namespace Tdkt.Tests.Completion;

/// <summary>The agency page and its forms over real HTTP (local host, Azurite).</summary>
public sealed class AgencyPageTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_the_agencys_tasks_per_quarter_with_deadline_status_and_a_form_and_GET_or_HEAD_change_nothing()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-tai-chinh");
        var before = await web.AllAssignmentsAsync();

        var html = await web.PageAsync(page);
        using var head = await web.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, page), Ct);
        var response = await web.Http.GetAsync(page, Ct);

        Assert.Contains("<h1>Sở Tài chính</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Thứ Sáu, 24/03/2023", html, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch số 252/KH-UBND", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Quý I</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Quý IV</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: <strong>Thứ Sáu, 31/03/2023</strong>", html, StringComparison.Ordinal);
        // III.1 was due on 14/01/2023: overdue, in red; task 4 is still within its deadline, in blue.
        Assert.Contains("Quá hạn 69 ngày", html, StringComparison.Ordinal);
        Assert.Contains("--c:#b00020", html, StringComparison.Ordinal);
        Assert.Contains("--c:#1f5fa8", html, StringComparison.Ordinal);
        Assert.Contains("Xác nhận đã hoàn thành", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 1<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Nothing loaded from elsewhere: the only addresses are the app's own (the calendar feed to subscribe to).
        Assert.All(System.Text.RegularExpressions.Regex.Matches(html, "https?://[^\"<\\s]*"),
            m => Assert.StartsWith(web.Host.Address.ToString().TrimEnd('/') + "/api/cal/", m.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.True(html.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await web.AllAssignmentsAsync());
    }

    [Fact]
    public async Task Posting_the_form_records_the_completion_once_with_an_audit_row_and_the_page_confirms_it()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var task = web.Task("3");

        var first = await web.PostAsync(page, task, note: "Đã trình\r\nUBND tỉnh", forwardedFor: "203.0.113.7");
        var confirmation = await web.PageAsync(first.Headers.Location!.OriginalString);
        web.Clock.AdvanceMinutes(5);
        var again = await web.PostAsync(page, task, name: "Người khác");
        var repeated = await web.PageAsync(again.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal($"/{page}?m=done&t={Uri.EscapeDataString(task.ToString())}#{task.Anchor}", first.Headers.Location!.OriginalString);
        Assert.Contains("Đã ghi nhận nhiệm vụ số 3 hoàn thành lúc 08:00 ngày 24/03/2023", confirmation, StringComparison.Ordinal);
        Assert.Contains("Hoàn tác xác nhận", confirmation, StringComparison.Ordinal);
        Assert.Contains("?m=again", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("đã được ghi nhận hoàn thành trước đó, lúc 08:00 ngày 24/03/2023 (Nguyễn Văn An); không ghi nhận lại", repeated, StringComparison.Ordinal);

        var record = await web.AssignmentAsync(task, "so-noi-vu");
        Assert.Equal(new LocalDate(2023, 3, 24), record!.Completion!.On);
        Assert.Equal(("Nguyễn Văn An", "Đã trình\nUBND tỉnh", CompletionVia.Link), (record.Completion.By, record.Completion.Note, record.Completion.Via));
        Assert.False((await web.AssignmentAsync(task, "hoi-dong-tdkt-tinh"))!.Done);
        var audit = Assert.Single(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.Equal((AuditLog.Actions.Complete, "0003--so-noi-vu", "203.0.113.7", "TdktTests/1.0"), (audit.Action, audit.Assignment, audit.ClientIp, audit.UserAgent));
    }

    [Fact]
    public async Task Twenty_concurrent_posts_for_the_same_task_record_it_exactly_once()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var task = web.Task("7");
        var proof = WebScenario.ProofIn(await web.PageAsync(page));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => web.PostAsync(page, task, proof: proof, name: $"Cán bộ {i}")));

        var outcomes = responses.Select(r => r.Headers.Location!.OriginalString.Split('&')[0].Split("m=")[1]).ToList();
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(1, outcomes.Count(o => o == "done"));
        Assert.Equal(19, outcomes.Count(o => o == "again"));
        Assert.Single(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.True((await web.AssignmentAsync(task, "so-noi-vu"))!.Done);
    }

    [Fact]
    public async Task Complete_and_undo_cycles_on_one_assignment_are_limited_to_three_undos_through_the_link()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var task = web.Task("1");
        var answers = new List<string>();
        for (var i = 0; i <= CompletionService.MaxUndos; i++)
        {
            await web.PostAsync(page, task);
            web.Clock.Advance(NodaTime.Duration.FromSeconds(1));
            answers.Add((await web.PostAsync(page, task, action: "undo")).Headers.Location!.OriginalString);
            web.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        }
        var html = System.Net.WebUtility.HtmlDecode(await web.PageAsync(answers[^1].TrimStart('/')));

        Assert.All(answers.Take(CompletionService.MaxUndos), a => Assert.Contains("m=undone", a, StringComparison.Ordinal));
        Assert.Contains("m=toooften", answers[^1], StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ số 1 đã được hoàn tác 3 lần nên không thể tự hoàn tác thêm.", html, StringComparison.Ordinal);
        var record = (await web.AssignmentAsync(task, "so-noi-vu"))!;
        Assert.Equal((true, 3), (record.Done, record.Undos));
        Assert.Equal(3, (await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct)).Count(a => a.Action == AuditLog.Actions.Undo));
    }

    [Fact]
    public async Task The_agency_can_undo_within_15_minutes_and_not_after()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var (early, late) = (web.Task("1"), web.Task("2"));
        await web.PostAsync(page, early);
        await web.PostAsync(page, late);

        web.Clock.AdvanceMinutes(14);
        var undone = await web.PostAsync(page, early, action: "undo");
        web.Clock.AdvanceMinutes(2);
        var refused = await web.PostAsync(page, late, action: "undo");
        var refusedPage = await web.PageAsync(refused.Headers.Location!.OriginalString);

        Assert.Contains("m=undone", undone.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False((await web.AssignmentAsync(early, "so-noi-vu"))!.Done);
        Assert.Contains("m=toolate", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Đã quá 15 phút kể từ khi xác nhận nhiệm vụ số 2, không thể tự hoàn tác", refusedPage, StringComparison.Ordinal);
        Assert.True((await web.AssignmentAsync(late, "so-noi-vu"))!.Done);
        Assert.Equal(["complete", "complete", "undo"], (await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct)).Select(a => a.Action));
    }

    [Fact]
    public async Task Forged_tampered_expired_foreign_and_unsigned_requests_change_nothing_and_say_what_to_do()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-tai-chinh");
        var token = WebScenario.TokenOf(page);
        var tokens = web.Get<LinkTokens>();
        var expired = "api/a/" + tokens.Create("so-tai-chinh", new LocalDate(2023, 3, 23));
        var tampered = "api/a/" + (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var otherKey = "api/a/" + new LinkTokens(Microsoft.Extensions.Options.Options.Create(new LinkOptions
        {
            SigningKeys = "k2=" + Convert.ToBase64String(new byte[32]),
        }), web.Clock).Create("so-tai-chinh", new LocalDate(2024, 2, 29));
        var proof = WebScenario.ProofIn(await web.PageAsync(page));
        var before = await web.AllAssignmentsAsync();

        var forged = await web.Http.GetAsync("api/a/not-a-token", Ct);
        var tamperedGet = await web.Http.GetFromAsync(tampered, "198.51.100.1", Ct);
        var otherKeyGet = await web.Http.GetFromAsync(otherKey, "198.51.100.2", Ct);
        var expiredGet = await web.Http.GetFromAsync(expired, "198.51.100.3", Ct);
        var expiredPost = await web.PostAsync(expired, web.Task("4"), proof: proof, forwardedFor: "198.51.100.4");
        var notHeld = await web.PostAsync(page, web.Task("1"), proof: proof);
        var badTask = await web.PostAsync(page, new TaskRef(web.Plan.Id, "9999"), proof: proof);
        var noProof = await web.PostAsync(page, web.Task("4"), proof: "");
        var otherProof = await web.PostAsync(page, web.Task("4"), proof: WebScenario.ProofIn(await web.PageAsync(web.PagePath("so-noi-vu"))));
        web.Clock.AdvanceHours(25);
        var staleProof = await web.PostAsync(page, web.Task("4"), proof: proof);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var body = await forged.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Đường dẫn không hợp lệ", body, StringComparison.Ordinal);
        Assert.Contains("mỗi thư nhắc việc mới đều mang đường dẫn còn hiệu lực", body, StringComparison.Ordinal);
        Assert.Contains("liên hệ cơ quan theo dõi, đôn đốc", body, StringComparison.Ordinal);
        Assert.DoesNotContain("so-tai-chinh", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, tamperedGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherKeyGet.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredGet.StatusCode);
        Assert.Contains("Đường dẫn đã hết hạn", await expiredGet.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expiredPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notHeld.StatusCode);
        Assert.Contains("Không tìm thấy nhiệm vụ", await notHeld.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, badTask.StatusCode);
        Assert.All([noProof, otherProof, staleProof], r => Assert.Contains("m=stale", r.Headers.Location!.OriginalString, StringComparison.Ordinal));
        Assert.Contains("chưa ghi nhận gì", await web.PageAsync(noProof.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, await web.AllAssignmentsAsync());
        Assert.Empty(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
    }

    [Fact]
    public async Task Wrong_methods_content_types_and_oversized_forms_are_refused_and_change_nothing()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var proof = WebScenario.ProofIn(await web.PageAsync(page));
        var complete = $"{page}/tasks/{web.Task("3")}/complete";
        var before = await web.AllAssignmentsAsync();

        var get = await web.Http.GetAsync(complete, Ct);
        var putPage = await web.Http.PutAsync(page, new StringContent(""), Ct);
        var asJson = await web.Http.PostAsync(complete, new StringContent($"{{\"proof\":\"{proof}\"}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var huge = await web.Http.PostAsync(complete, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["proof"] = proof,
            ["note"] = new string('x', 20_000),
        }), Ct);
        var afterRefusals = await web.AllAssignmentsAsync();
        var longNote = await web.PostAsync(page, web.Task("3"), proof: proof, name: "A\r\nBcc: x@example.org", note: new string('a', 1100));

        // As the Functions host answers a method no function takes: not found.
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, putPage.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asJson.StatusCode);
        Assert.Contains("Yêu cầu không hợp lệ", await asJson.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, afterRefusals);
        // A note within the form limit is kept, cut to its maximum; a name is one line.
        Assert.Equal(HttpStatusCode.SeeOther, longNote.StatusCode);
        var record = (await web.AssignmentAsync(web.Task("3"), "so-noi-vu"))!.Completion!;
        Assert.Equal(("A  Bcc: x@example.org", CompletionService.MaxNoteLength), (record.By, record.Note!.Length));
    }

    [Fact]
    public async Task Repeated_bad_tokens_from_one_client_are_slowed_down_while_valid_links_from_it_still_work()
    {
        await using var web = await WebScenario.StartAsync(services);
        const string client = "192.0.2.55";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < BadLinkThrottle.FreeAttempts + 2; i++)
        {
            answers.Add((await web.Http.GetFromAsync($"api/a/guess{i}", client, Ct)).StatusCode);
        }
        var throttled = await web.Http.GetFromAsync("api/a/guess-again", client, Ct);
        var valid = await web.Http.GetFromAsync(web.PagePath("so-noi-vu"), client, Ct);
        var otherClient = await web.Http.GetFromAsync("api/a/guess", "192.0.2.56", Ct);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Forbidden, BadLinkThrottle.FreeAttempts), answers.Take(BadLinkThrottle.FreeAttempts));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherClient.StatusCode);
    }

    [Fact]
    public async Task A_completion_for_a_plan_whose_year_has_not_begun_says_so_on_the_page_and_records_nothing()
    {
        await using var web = await WebScenario.StartAsync(services);
        // 24/03/2021: the 2023 plan takes completions from 01/01/2022.
        web.Clock.Reset(NodaTime.Instant.FromUtc(2021, 3, 24, 1, 0));
        var page = web.PagePath("so-noi-vu");

        var response = await web.PostAsync(page, web.Task("1"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("m=notyet", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var html = System.Net.WebUtility.HtmlDecode(await web.PageAsync(response.Headers.Location.OriginalString.TrimStart('/')));
        Assert.Contains("Kế hoạch này thuộc năm sau, chưa nhận xác nhận hoàn thành nhiệm vụ số 1: chưa ghi nhận gì.", html, StringComparison.Ordinal);
        Assert.False((await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!.Done);
    }
}

internal static class ForwardedClient
{
    /// <summary>A GET as if from <paramref name="client"/> behind the platform's front end.</summary>
    public static async Task<HttpResponseMessage> GetFromAsync(this HttpClient http, string path, string client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request, cancellationToken);
    }
}
