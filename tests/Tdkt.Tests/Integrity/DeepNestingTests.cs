using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tdkt.Agencies;
using Tdkt.Input;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// YAML nested far deeper than any plan or directory is refused before a node is built: 200,000 levels used to
/// overflow the stack and kill the process (and every agency page it served).
/// </summary>
public sealed class DeepNestingTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string DeepPlan = "id: 2023-252-kh-ubnd\ntasks: " + new string('[', 200_000) + "\n";

    private static readonly string DeepDirectory = "agencies:\n  - " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "\n";

    [Fact]
    public void A_plan_nested_200000_levels_deep_is_refused_with_a_clear_error()
    {
        var result = Samples.Import(DeepPlan, "deep.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("deep.yaml", 2, "yaml"), (error.File, error.Line, error.Field));
        Assert.Equal($"YAML lồng quá sâu (quá {YamlInput.MaxDepth} cấp danh sách hoặc bảng): tệp kế hoạch hay danh bạ không cần như vậy.", error.Message);
    }

    [Fact]
    public void A_directory_nested_100000_levels_deep_is_refused_with_a_clear_error()
    {
        var result = AgencyDirectoryFile.Read(DeepDirectory, "deep.yaml");

        Assert.Null(result.Directory);
        Assert.Contains("YAML lồng quá sâu", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_at_the_limit_is_read_and_one_level_more_is_refused()
    {
        static IReadOnlyList<InputError> Read(int depth)
        {
            var errors = new List<InputError>();
            // The root map is one level; each "[" adds one.
            new YamlInput("nested.yaml", errors).LoadRoot("a: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n");
            return errors;
        }

        Assert.Empty(Read(YamlInput.MaxDepth));
        Assert.Contains("YAML lồng quá sâu", Assert.Single(Read(YamlInput.MaxDepth + 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_http_the_deep_plan_answers_400_and_the_server_keeps_answering()
    {
        await using var web = await WebScenario.StartAsync(services);

        var response = await web.PostPlanAsync(Encoding.UTF8.GetBytes(DeepPlan), "application/yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0];
        Assert.Contains("YAML lồng quá sâu", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(web.PagePath("so-noi-vu"), Ct)).StatusCode);
    }

    [Fact]
    public async Task In_the_cli_the_deep_plan_exits_2_with_the_error_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"deep-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, DeepPlan, Ct);
        try
        {
            var result = await CliInProcess.RunAsync("plan", "import", file, "--agencies", Samples.DirectoryPath, "--dry-run");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{Path.GetFileName(file)}:2: yaml: YAML lồng quá sâu", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
