using System.Net;
using System.Text;
using System.Text.Json;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Hostile;

/// <summary>
/// Hostile plan files posted to POST /api/plans over HTTP (local host, Azurite): each gets its exact clear
/// error naming file, line and field, and nothing is stored.
/// </summary>
public sealed class HostilePlanUploadTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Seed => File.ReadAllText(Samples.PlanTextPath);

    public static TheoryData<string> Cases => new(HostileInputs.PlanCases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_plan_is_refused_with_its_exact_error_and_nothing_is_stored(string name)
    {
        var (body, contentType, status, expected) = HostileInputs.PlanCases[name](Seed);
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        var response = await web.PostPlanAsync(body, contentType, name);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var plans = await web.Http.GetStringAsync($"api/plans?code={WebScenario.AdminKey}", Ct);

        Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()}:{(e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0)}:{e.GetProperty("field").GetString()}: {e.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), "ERRORS>> " + string.Join(" || ", errors));
        Assert.Equal("[]", plans);
    }

    [Fact]
    public async Task Broken_and_nested_markup_is_dropped_and_the_plan_reads_as_the_clean_one()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        using var content = new StringContent(HostileInputs.BrokenHtml(Seed), Encoding.UTF8, "text/plain");
        var response = await web.Http.PostAsync($"api/plans?file=broken-html.txt&code={WebScenario.AdminKey}", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(web.Plan, await web.Get<Tdkt.Plans.PlanStore>().GetAsync(web.Plan.Id, Ct));
    }

    [Fact]
    public async Task Decomposed_Unicode_and_script_tags_in_content_are_stored_as_plain_NFC_text_and_shown_encoded()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        var hostile = Seed.Replace("Phát động phong trào thi đua", "Phát động <script>alert('x')</script> phong trào thi đua", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);

        using var content = new StringContent(hostile, Encoding.UTF8, "text/plain");
        var response = await web.Http.PostAsync($"api/plans?file=nfd.txt&code={WebScenario.AdminKey}", content, Ct);
        await web.Get<Tdkt.Plans.PlanStore>().SetStatusAsync(web.Plan.Id, Tdkt.Plans.PlanStatus.Active, Ct);
        var page = await web.PageAsync(web.PagePath("so-noi-vu"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await web.Get<Tdkt.Plans.PlanStore>().GetAsync(web.Plan.Id, Ct))!;
        Assert.All(stored.Tasks, t => Assert.True(t.Content.IsNormalized(NormalizationForm.FormC), t.Content));
        Assert.Equal(web.Plan.Title, stored.Title);
        // The tags are dropped at import; what remains is text, encoded on the page.
        Assert.Equal("Phát động alert('x') phong trào thi đua", stored.Tasks[0].Content[..39]);
        Assert.Contains("Phát động alert(&#x27;x&#x27;) phong trào thi đua", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }
}
