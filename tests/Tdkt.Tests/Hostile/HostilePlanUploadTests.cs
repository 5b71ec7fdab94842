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
        // A short answer whatever the file, and the server still answers.
        Assert.InRange(errors.Count, 1, Tdkt.Input.InputError.MaxListed + 1);
        Assert.InRange(text.Length, 1, 64 * 1024);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("api/health", Ct)).StatusCode);
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

    [Theory]
    [InlineData("bomb.docx")]
    [InlineData("empty-tasks.json")]
    [InlineData("long-reference.txt")]
    public async Task Tdkt_plan_preview_refuses_a_hostile_size_with_exit_2_and_a_short_answer(string name)
    {
        var (body, _, _, expected) = HostileInputs.PlanCases[name](Seed);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        await File.WriteAllBytesAsync(file, body, Ct);
        try
        {
            var result = await Cli.CliInProcess.RunAsync("plan", "preview", file, "--agencies", Samples.DirectoryPath);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected[(expected.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(':', 3)[^1].Trim(), result.StdErr, StringComparison.Ordinal);
            Assert.InRange(result.StdErr.Length, 1, 4096);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_with_thousands_of_errors_lists_the_first_100_and_says_how_many_more()
    {
        var csv = "# number: 252/KH-UBND\n# title: T\n# issuer: Ủy ban nhân dân tỉnh Lạng Sơn\n# issuedOn: 2022-12-21\n# year: 2023\n"
            + "number,quarter,deadline,due,content,agencies\n" + string.Concat(Enumerable.Range(1, 3_000).Select(i => $"{i},1,,,,so-noi-vu\n"));

        var result = Samples.Import(csv, "blank-content.csv");

        Assert.Equal(Tdkt.Input.InputError.MaxListed + 1, result.Errors.Count);
        Assert.All(result.Errors.Take(100), e => Assert.Equal("content", e.Field));
        Assert.Equal("… và 2.900 lỗi khác (chỉ liệt kê 100 lỗi đầu; sửa các lỗi trên rồi kiểm tra lại).", result.Errors[^1].Message);
    }
}
