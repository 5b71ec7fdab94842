using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Functions.Plans;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Functions;

public sealed class PlansFunctionsTests(LocalServices services)
{
    private readonly ServiceProvider provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 1, 3, 1, 0),
        new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() });

    private async Task<IActionResult> PostAsync(byte[] body, string contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        return await ActivatorUtilities.CreateInstance<PlansFunctions>(provider).Import(context.Request, TestContext.Current.CancellationToken);
    }

    private Task SeedDirectoryAsync() => provider.GetRequiredService<AgencyStore>().SaveAsync(Samples.Directory(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Posting_the_published_text_creates_the_plan_then_a_repost_changes_nothing()
    {
        await SeedDirectoryAsync();
        var text = await File.ReadAllBytesAsync(Samples.PlanTextPath, TestContext.Current.CancellationToken);

        var created = Assert.IsType<CreatedResult>(await PostAsync(text, "text/plain; charset=utf-8"));
        var again = Assert.IsType<OkObjectResult>(await PostAsync(text, "text/plain"));

        Assert.Equal("/api/plans/2023-252-kh-ubnd", created.Location);
        Assert.Contains("outcome = created", created.Value!.ToString(), StringComparison.Ordinal);
        Assert.Contains("tasks = 27", created.Value!.ToString(), StringComparison.Ordinal);
        Assert.Contains("outcome = unchanged", again.Value!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Samples.Plan(), await provider.GetRequiredService<PlanStore>().GetAsync(new PlanId("2023-252-kh-ubnd"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_invalid_plan_answers_400_problem_json_with_every_error_and_stores_nothing()
    {
        await SeedDirectoryAsync();
        var yaml = Tdkt.Plans.Import.CanonicalPlan.ToYaml(Samples.Plan()).Replace("so-noi-vu", "so-noi-vuu", StringComparison.Ordinal);

        var result = Assert.IsType<ObjectResult>(await PostAsync(Encoding.UTF8.GetBytes(yaml), "application/yaml"));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        var expected = Samples.Plan().Tasks.Count(t => t.Agencies.Contains(new AgencyId("so-noi-vu")));
        Assert.Equal(expected, ((IEnumerable<object>)problem.Extensions["errors"]!).Count());
        Assert.Empty(await provider.GetRequiredService<PlanStore>().ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_content_type_answers_415()
    {
        var result = Assert.IsType<ObjectResult>(await PostAsync([1, 2, 3], "application/pdf"));

        Assert.Equal(415, result.StatusCode);
    }

    [Fact]
    public async Task Without_an_agency_directory_the_upload_says_to_load_one_first()
    {
        var result = Assert.IsType<ObjectResult>(await PostAsync(await File.ReadAllBytesAsync(Samples.PlanTextPath, TestContext.Current.CancellationToken), "text/plain"));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Chưa có danh bạ cơ quan", ((IEnumerable<object>)Assert.IsType<ProblemDetails>(result.Value).Extensions["errors"]!).Single().ToString(), StringComparison.Ordinal);
    }
}
