using System.Net;
using Tdkt.Assignments;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>Several tasks confirmed at once from the agency's page, over HTTP: one form, checkboxes tied to it, each task recorded once.</summary>
public sealed class BulkCompletionTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(WebScenario web, string page, IEnumerable<string> tasks, string? proof = null)
    {
        var fields = tasks.Select(t => new KeyValuePair<string, string>("tasks", t)).Append(new("name", "Lê Văn Cường")).Append(new("note", "Công văn 12/SNV"))
            .Append(new("proof", proof ?? WebScenario.ProofIn(await web.PageAsync(page))));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}/tasks/complete") { Content = new FormUrlEncodedContent(fields) };
        return await web.Http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Ticked_tasks_are_recorded_at_once_each_once_and_a_task_of_another_agency_is_not()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var (one, two, foreign) = (web.Task("1"), web.Task("2"), web.Task("III.1"));

        var html = WebUtility.HtmlDecode(await web.PageAsync(page));
        var stale = await PostAsync(web, page, [one.ToString()], proof: "giả");
        var none = await PostAsync(web, page, []);
        var first = await PostAsync(web, page, [one.ToString(), two.ToString(), foreign.ToString()]);
        var firstText = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync(Ct));
        var again = await PostAsync(web, page, [one.ToString()]);

        Assert.Contains($"<input type=\"checkbox\" name=\"tasks\" value=\"{one}\" form=\"bulk-{web.Plan.Id}\">", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"bulk-{web.Plan.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, stale.StatusCode);
        Assert.Contains("m=stale", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Đã ghi nhận hoàn thành 2 nhiệm vụ (số 1, 2).", firstText, StringComparison.Ordinal);
        Assert.Contains("1 nhiệm vụ đã chọn không thuộc cơ quan hoặc không còn nhận xác nhận, nên không ghi nhận.", firstText, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ số 1 đã được ghi nhận hoàn thành trước đó; không ghi nhận lại.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        foreach (var task in new[] { one, two })
        {
            var record = await web.AssignmentAsync(task, "so-noi-vu");
            Assert.Equal(("Lê Văn Cường", "Công văn 12/SNV", "link"), (record!.Completion!.By, record.Completion.Note, record.Completion.Via));
        }
        Assert.False((await web.AssignmentAsync(web.Task("3"), "so-noi-vu"))!.Done);
        Assert.Null(await web.AssignmentAsync(foreign, "so-noi-vu"));
        var audit = await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct);
        Assert.Equal(2, audit.Count(a => a.Action == "complete"));
    }
}
