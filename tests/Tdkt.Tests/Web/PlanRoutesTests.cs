using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Web;

/// <summary><c>POST /api/plans</c> over HTTP on the self-hosted server, with the admin key.</summary>
public sealed class PlanRoutesTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    [Fact]
    public async Task Posting_the_published_text_creates_the_plan_then_a_repost_changes_nothing()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        var text = await File.ReadAllBytesAsync(Samples.PlanTextPath, Ct);

        var created = await web.PostPlanAsync(text, "text/plain; charset=utf-8");
        var again = await web.PostPlanAsync(text, "text/plain");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/plans/2023-252-kh-ubnd", created.Headers.Location!.OriginalString);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("created", 27), (body.GetProperty("outcome").GetString(), body.GetProperty("tasks").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        Assert.Equal(Samples.Plan(), await web.Get<PlanStore>().GetAsync(new PlanId("2023-252-kh-ubnd"), Ct));
    }

    [Fact]
    public async Task An_invalid_plan_answers_400_problem_json_with_every_error_and_stores_nothing()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        var yaml = Tdkt.Plans.Import.CanonicalPlan.ToYaml(Samples.Plan()).Replace("so-noi-vu", "so-noi-vuu", StringComparison.Ordinal);

        var response = await web.PostPlanAsync(Encoding.UTF8.GetBytes(yaml), "application/yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var expected = Samples.Plan().Tasks.Count(t => t.Agencies.Contains(new AgencyId("so-noi-vu")));
        Assert.Equal(expected, (await ErrorsAsync(response)).GetArrayLength());
        Assert.Empty(await web.Get<PlanStore>().ListAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_content_type_answers_415()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        var response = await web.PostPlanAsync([1, 2, 3], "application/vnd.ms-excel");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Type", (await ErrorsAsync(response))[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Without_an_agency_directory_the_upload_says_to_load_one_first()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false, withDirectory: false);

        var response = await web.PostPlanAsync(await File.ReadAllBytesAsync(Samples.PlanTextPath, Ct), "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chưa có danh bạ cơ quan", (await ErrorsAsync(response)).EnumerateArray().Single().GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
