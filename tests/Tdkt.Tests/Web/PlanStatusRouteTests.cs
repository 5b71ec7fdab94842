using System.Net;
using System.Text.Json;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Web;

/// <summary><c>POST /api/plans/{id}/status</c>: a plan uploaded over the admin API is activated (or archived) over it too, with the key only.</summary>
public sealed class PlanStatusRouteTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_activates_and_archives_a_plan_over_the_API_and_nothing_changes_without_the_key()
    {
        await using var web = await WebScenario.StartAsync(services, activate: false);
        var id = web.Plan.Id.Value;

        using var noKey = await web.Http.PostAsync($"api/plans/{id}/status?status=active", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(PlanStatus.Draft, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.Status);

        using var bad = await web.Http.PostAsync($"api/plans/{id}/status?status=on&code={WebScenario.AdminKey}", null, Ct);
        using var unknown = await web.Http.PostAsync($"api/plans/2023-1-kh-khong-co/status?status=active&code={WebScenario.AdminKey}", null, Ct);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (bad.StatusCode, unknown.StatusCode));
        Assert.Contains("dùng status=active", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var activated = await web.Http.PostAsync($"api/plans/{id}/status?status=active&code={WebScenario.AdminKey}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        using (var body = JsonDocument.Parse(await activated.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal("active", body.RootElement.GetProperty("status").GetString());
        }
        Assert.Equal(PlanStatus.Active, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.Status);

        using var archived = await web.Http.PostAsync($"api/plans/{id}/status?status=archived&code={WebScenario.AdminKey}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal(PlanStatus.Archived, (await web.Get<PlanStore>().GetSummaryAsync(web.Plan.Id, Ct))!.Status);
    }
}
