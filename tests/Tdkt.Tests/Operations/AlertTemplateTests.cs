using System.Diagnostics;
using System.Text.Json;
using Tdkt.Diagnostics;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Operations;

/// <summary>The compiled Bicep template (infra/check builds it) holds the alerts and the action group that mails the administrators.</summary>
public sealed class AlertTemplateTests
{
    [Fact]
    public async Task The_compiled_template_has_the_five_alerts_on_the_apps_own_telemetry_and_an_action_group_for_the_administrators()
    {
        var output = Directory.CreateTempSubdirectory("tdkt-bicep-").FullName;
        var start = new ProcessStartInfo("bash", [RepositoryRoot.File("infra", "check")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TDKT_BICEP_OUT"] = output;
        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, log);

        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json"), TestContext.Current.CancellationToken));
        // Resources by symbolic name (the template's language version 2.0): the module "alerts" of main.bicep.
        var alerts = template.RootElement.GetProperty("resources").GetProperty("alerts").GetProperty("properties").GetProperty("template");
        var resources = Resources(alerts).ToList();
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/actionGroups");
        var rules = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/scheduledQueryRules");
        Assert.Contains("Microsoft.Insights/actionGroups", rules.GetProperty("properties").GetProperty("actions").GetProperty("actionGroups")[0].GetString(), StringComparison.Ordinal);
        var defined = alerts.GetProperty("variables").GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(["tdkt-sweep-missing", "tdkt-digests-failed", "tdkt-digests-waiting", "tdkt-http-5xx", "tdkt-storage-failures"],
            defined.Select(a => a.GetProperty("name").GetString()));
        // Each watches what the app really emits.
        string Query(string name) => defined.Single(a => a.GetProperty("name").GetString() == name).GetProperty("query").GetString()!;
        Assert.Contains($"\"{Telemetry.SweepRuns.Name}\"", Query("tdkt-sweep-missing"), StringComparison.Ordinal);
        Assert.Contains("hourofday(vietnamNow) >= 10", Query("tdkt-sweep-missing"), StringComparison.Ordinal);
        Assert.Contains($"\"{Telemetry.DigestsFailed.Name}\"", Query("tdkt-digests-failed"), StringComparison.Ordinal);
        Assert.Contains("\"tdkt.digests.oldest_pending_age\"", Query("tdkt-digests-waiting"), StringComparison.Ordinal);
        Assert.Contains("> 7200", Query("tdkt-digests-waiting"), StringComparison.Ordinal);
        Assert.Contains("resultCode) >= 500", Query("tdkt-http-5xx"), StringComparison.Ordinal);
        Assert.Contains($"\"{Telemetry.StorageFailures.Name}\"", Query("tdkt-storage-failures"), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
    }
}
