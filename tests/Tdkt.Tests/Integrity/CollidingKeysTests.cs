using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// Task numbers that differ as written but share a storage key ("7" and "07" are both 0007) are refused at
/// validation, naming both lines, before anything is written; a live plan keeps all its tasks.
/// </summary>
public sealed class CollidingKeysTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The sample plan as YAML with tasks 1 and 3 renumbered (their lines in the file are returned too).</summary>
    private static (string Yaml, int FirstLine, int Line) WithNumbers(string first, string second)
    {
        var lines = Tdkt.Plans.Import.CanonicalPlan.ToYaml(Samples.Plan()).Split('\n').ToList();
        var one = lines.IndexOf("  number: \"1\"");
        var three = lines.IndexOf("  number: \"3\"");
        lines[one] = $"  number: \"{first}\"";
        lines[three] = $"  number: \"{second}\"";
        // The task's line is its item's first line, "- key: …", just above.
        return (string.Join('\n', lines), one, three);
    }

    [Theory]
    [InlineData("71", "071", "0071")]
    [InlineData("A", "a", "a")]
    [InlineData("1.2", "1..2", "1-2")]
    public void Numbers_that_share_a_storage_key_are_refused_naming_both_lines(string first, string second, string key)
    {
        var (yaml, firstLine, line) = WithNumbers(first, second);

        var result = Samples.Import(yaml, "plan.yaml");

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors, e => e.Field.EndsWith("number", StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Contains($"“{second}”", error.Message, StringComparison.Ordinal);
        Assert.Contains($"“{first}”", error.Message, StringComparison.Ordinal);
        Assert.Contains($"“{key}”", error.Message, StringComparison.Ordinal);
        Assert.Contains($"dòng {firstLine}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reimporting_a_live_plan_with_colliding_numbers_writes_nothing_and_its_tasks_stay()
    {
        using var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() });
        var import = provider.GetRequiredService<PlanImport>();
        await import.RunAsync(new PlanImportRequest(await File.ReadAllBytesAsync(Samples.PlanTextPath, Ct), "plan.txt") { Directory = Samples.Directory() }, null, Ct);
        await provider.GetRequiredService<PlanLifecycle>().SetStatusAsync("2023-252-kh-ubnd", PlanStatus.Active, Ct);
        var before = await provider.GetRequiredService<PlanStore>().GetAsync(new PlanId("2023-252-kh-ubnd"), Ct);

        var outcome = await import.RunAsync(new PlanImportRequest(Encoding.UTF8.GetBytes(WithNumbers("71", "071").Yaml), "plan.yaml"), null, Ct);

        Assert.Equal(PlanImportResult.Invalid, outcome.Result);
        var summary = await provider.GetRequiredService<PlanStore>().GetSummaryAsync(new PlanId("2023-252-kh-ubnd"), Ct);
        Assert.Equal((PlanStatus.Active, false, 27), (summary!.Status, summary.ImportIncomplete, summary.TaskCount));
        Assert.Equal(before, await provider.GetRequiredService<PlanStore>().GetAsync(new PlanId("2023-252-kh-ubnd"), Ct));
    }
}
