using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Administration;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>
/// The plan page's actions on a plan as a whole, over real HTTP against Azurite: the report for anyone signed in (a
/// viewer too, nobody without a session); roll forward to next year's draft with its review list, the draft given its
/// issued number, then activated; the old plan archived; each audited. A viewer changes nothing.
/// </summary>
public sealed class ConsolePlanActionsTests(LocalServices services)
{
    private const string Admin = "quantri@example.org";
    private const string Viewer = "lanhdao@example.org";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plan_is_reported_rolled_forward_numbered_activated_and_archived_from_its_page()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        var id = web.Plan.Id.Value;
        await web.Get<AdminUsers>().SetAsync(Viewer, AdminRole.Viewer, Admin, Ct);
        using var viewer = new ConsoleBrowser(web);
        await viewer.SignInAsAsync(Viewer);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync(Admin);

        // The report: for a viewer as for an administrator; without a session, nothing.
        using (var report = await viewer.GetAsync($"console/plans/{id}/report?format=html"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.Contains("Hoàn thành đúng hạn", WebUtility.HtmlDecode(await report.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var csv = await viewer.GetAsync($"console/plans/{id}/report?format=csv"))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        }
        using (var anonymous = await new ConsoleBrowser(web).GetAsync($"console/plans/{id}/report?format=html"))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.DoesNotContain("Hoàn thành đúng hạn", await anonymous.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var viewerPage = WebUtility.HtmlDecode(await viewer.PageAsync($"console/plans/{id}"));
        Assert.Contains($"/console/plans/{id}/report?format=docx&period=quarter", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("roll-forward", viewerPage, StringComparison.Ordinal);
        using (var refused = await viewer.PostAsync($"console/plans/{id}/status", ("csrf", ConsoleBrowser.CsrfIn(viewerPage)), ("status", "archived")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(PlanStatus.Active, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.Status);

        // Roll forward: the draft's page at once, with what to review, offering a number rather than activation.
        var page = await admin.PageAsync($"console/plans/{id}");
        var csrf = ConsoleBrowser.CsrfIn(page);
        Assert.Contains("Tạo dự thảo kế hoạch năm 2024 từ kế hoạch này", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        using var rolled = await admin.PostAsync($"console/plans/{id}/roll-forward", ("csrf", csrf), ("year", "2024"));
        var draftPage = WebUtility.HtmlDecode(await rolled.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, rolled.StatusCode);
        var draftId = Regex.Match(draftPage, "Đã tạo dự thảo ([a-z0-9-]+) ").Groups[1].Value;
        Assert.StartsWith("2024-", draftId, StringComparison.Ordinal);
        Assert.Matches("<h3>Cần rà soát trong dự thảo \\(\\d+\\)</h3>", draftPage);
        Assert.Contains("Nhiệm vụ 1 · deadline:", draftPage, StringComparison.Ordinal);
        Assert.Contains($"action=\"/console/plans/{draftId}/number\"", draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/console/plans/{draftId}/status\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><input type=\"hidden\" name=\"status\" value=\"active\"",
            draftPage, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, (await web.Get<PlanStore>().GetSummaryAsync(new PlanId(draftId), Ct))!.Status);

        // A bad date changes nothing; the issued number moves the draft to its id.
        using (var bad = await admin.PostAsync($"console/plans/{draftId}/number", ("csrf", csrf), ("number", "245/KH-UBND"), ("issuedOn", "32/12/2023")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, bad.StatusCode);
            Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await admin.PageAsync(bad.Headers.Location!.ToString())), StringComparison.Ordinal);
        }
        Assert.Null(await web.Get<PlanStore>().GetSummaryAsync(new PlanId("2024-245-kh-ubnd"), Ct));
        using (var numbered = await admin.PostAsync($"console/plans/{draftId}/number", ("csrf", csrf), ("number", "245/KH-UBND"), ("issuedOn", "15/12/2023")))
        {
            Assert.StartsWith("/console/plans/2024-245-kh-ubnd?", numbered.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var activated = await admin.PostAsync("console/plans/2024-245-kh-ubnd/status", ("csrf", csrf), ("status", "active")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, activated.StatusCode);
        }
        using (var archived = await admin.PostAsync($"console/plans/{id}/status", ("csrf", csrf), ("status", "archived")))
        {
            var after = WebUtility.HtmlDecode(await admin.PageAsync(archived.Headers.Location!.ToString()));
            Assert.Contains($"Kế hoạch {id}: đã lưu trữ.", after, StringComparison.Ordinal);
            Assert.Contains("Đã lưu trữ.", after, StringComparison.Ordinal);
        }
        var summaries = (await web.Get<PlanStore>().ListAsync(Ct)).ToDictionary(p => p.Id.Value, p => p.Status);
        Assert.Equal(PlanStatus.Active, summaries["2024-245-kh-ubnd"]);
        Assert.Equal(PlanStatus.Archived, summaries[id]);
        Assert.Equal(PlanStatus.Archived, summaries[draftId]);
        var audit = await web.Get<AdminUsers>().AuditTrailAsync(20, Ct);
        Assert.Contains(audit, a => a is { Action: "plan-roll-forward", By: Admin } && a.Subject == draftId);
        Assert.Contains(audit, a => a is { Action: "plan-number", By: Admin, Detail: "245/KH-UBND" } && a.Subject == draftId);
        Assert.Contains(audit, a => a is { Action: "plan-status", By: Admin, Detail: "archived" } && a.Subject == id);
    }
}
