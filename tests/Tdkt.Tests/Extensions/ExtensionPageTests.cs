using System.Net;
using Tdkt.Outbox;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Extensions;

/// <summary>Requests for more time over HTTP, through the link pages: asked by the agency, answered by its supervising agency, followed by the sweep.</summary>
public sealed class ExtensionPageTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(WebScenario web, string page, string action, Dictionary<string, string> fields)
    {
        fields["proof"] = WebScenario.ProofIn(await web.PageAsync(page));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}/{action}") { Content = new FormUrlEncodedContent(fields) };
        return await web.Http.SendAsync(request, Ct);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    [Fact]
    public async Task Request_on_the_agency_page_approve_on_the_supervisors_page_and_the_next_sweep_reminds_against_the_new_date()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = web.Task("1");
        var agency = web.PagePath("so-noi-vu");
        var supervisor = web.PagePath("ubnd-tinh");
        var other = web.PagePath("so-tai-chinh");

        var before = WebUtility.HtmlDecode(await web.PageAsync(agency));
        var earlier = await PostAsync(web, agency, $"tasks/{task}/extension", new() { ["to"] = "2023-03-20", ["reason"] = "Sớm hơn" });
        var noReason = await PostAsync(web, agency, $"tasks/{task}/extension", new() { ["to"] = "2023-04-14", ["reason"] = " " });
        var badDate = await PostAsync(web, agency, $"tasks/{task}/extension", new() { ["to"] = "ngày mai", ["reason"] = "Chờ số liệu" });
        var asked = await PostAsync(web, agency, $"tasks/{task}/extension",
            new() { ["to"] = "2023-04-14", ["reason"] = "Chờ số liệu của các huyện", ["name"] = "Nguyễn Văn An" });
        var pending = WebUtility.HtmlDecode(await web.PageAsync(agency));
        var again = await PostAsync(web, agency, $"tasks/{task}/extension", new() { ["to"] = "2023-04-20", ["reason"] = "Lần nữa" });
        var inbox = WebUtility.HtmlDecode(await web.PageAsync(supervisor));
        var stranger = await PostAsync(web, other, $"requests/{task}/so-noi-vu/approve", new() { ["to"] = "2023-04-14" });
        var declineWithoutReason = await PostAsync(web, supervisor, $"requests/{task}/so-noi-vu/decline", new() { ["reason"] = "" });
        var approved = await PostAsync(web, supervisor, $"requests/{task}/so-noi-vu/approve", new() { ["to"] = "2023-04-21", ["reason"] = "Đồng ý", ["name"] = "Trần Thị Bình" });
        var twice = await PostAsync(web, supervisor, $"requests/{task}/so-noi-vu/approve", new() { ["to"] = "2023-04-21" });
        var answered = WebUtility.HtmlDecode(await web.PageAsync(supervisor));
        var extended = WebUtility.HtmlDecode(await web.PageAsync(agency));

        Assert.Contains($"action=\"{WebScenario.TokenOf(agency)}/tasks/{task}/extension\"", before, StringComparison.Ordinal);
        Assert.Contains("min=\"2023-04-01\"", before, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, true), (earlier.StatusCode,
            (await BodyAsync(earlier)).Contains("Chưa gửi đề nghị: ngày 20/03/2023 không sau thời hạn hiện tại (31/03/2023).", StringComparison.Ordinal)));
        Assert.Contains("cần nêu lý do đề nghị gia hạn", await BodyAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        Assert.Contains("m=extensionasked", asked.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Đã đề nghị gia hạn đến 14/04/2023", pending, StringComparison.Ordinal);
        Assert.DoesNotContain($"/tasks/{task}/extension\"", pending, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Sở Nội vụ, nhiệm vụ 1: đề nghị gia hạn", inbox, StringComparison.Ordinal);
        Assert.Contains("đề nghị gia hạn đến 14/04/2023. Lý do: Chờ số liệu của các huyện.", inbox, StringComparison.Ordinal);
        Assert.Contains($"action=\"{WebScenario.TokenOf(supervisor)}/requests/{task}/so-noi-vu/approve\"", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declineWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.DoesNotContain("đề nghị gia hạn đến 14/04/2023", answered, StringComparison.Ordinal);
        Assert.Contains("Đã được gia hạn từ 31/03/2023 đến 21/04/2023 (Trần Thị Bình). Ý kiến: Đồng ý", extended, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: <strong>Thứ Sáu, 21/04/2023</strong>", extended, StringComparison.Ordinal);

        var sweep = await web.Get<Scheduling.DailySweep>().RunAsync(D("2023-04-14"), dryRun: true, "test", null, Ct);
        var notice = Assert.Single(Assert.Single(sweep.Digests, d => d.Key.Agency == "so-noi-vu").Notices, n => n.Task == "1");
        Assert.Equal((NoticeKind.Upcoming, D("2023-04-21"), 5), (notice.Kind, notice.Due, notice.WorkingDaysLeft));
        var record = await web.AssignmentAsync(task, "so-noi-vu");
        Assert.Equal(("Nguyễn Văn An", "Trần Thị Bình"), (record!.Extension.Request!.By, record.Extension.Request.DecidedBy));
    }

    [Fact]
    public async Task A_declined_request_is_shown_to_the_agency_with_its_reason_and_the_date_stays()
    {
        await using var web = await WebScenario.StartAsync(services);
        var task = web.Task("1");
        var agency = web.PagePath("so-noi-vu");
        var supervisor = web.PagePath("ubnd-tinh");

        await PostAsync(web, agency, $"tasks/{task}/extension", new() { ["to"] = "2023-04-14", ["reason"] = "Chờ số liệu" });
        var declined = await PostAsync(web, supervisor, $"requests/{task}/so-noi-vu/decline", new() { ["reason"] = "Cần số liệu đúng hạn để tổng hợp" });
        var page = WebUtility.HtmlDecode(await web.PageAsync(agency));

        Assert.Equal(HttpStatusCode.SeeOther, declined.StatusCode);
        Assert.Contains("m=extensiondeclined", declined.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Đề nghị gia hạn đến 14/04/2023 không được chấp thuận, thời hạn giữ nguyên. Ý kiến: Cần số liệu đúng hạn để tổng hợp", page, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: <strong>Thứ Sáu, 31/03/2023</strong>", page, StringComparison.Ordinal);
        // Declined, it may ask again.
        Assert.Contains($"/tasks/{task}/extension\"", page, StringComparison.Ordinal);
        Assert.Equal(D("2023-03-31"), (await web.AssignmentAsync(task, "so-noi-vu"))!.Due);
    }
}
