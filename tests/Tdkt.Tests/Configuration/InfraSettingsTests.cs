using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Configuration;

/// <summary>The deployment sets exactly the settings the code binds: none missing, none unused.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed partial class InfraSettingsTests
{
    /// <summary>Every Tdkt:… setting an options class binds: its Section and each settable property.</summary>
    private static SortedSet<string> BoundByCode()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(TdktServiceCollectionExtensions).Assembly, typeof(Tdkt.Web.WebServiceCollectionExtensions).Assembly }.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } section)
            {
                continue;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                keys.Add($"{section.GetRawConstantValue()}:{property.Name}");
            }
        }
        return keys;
    }

    private static SortedSet<string> SetByBicep()
    {
        var bicep = File.ReadAllText(RepositoryRoot.File("infra", "modules", "functionapp.bicep"));
        return new SortedSet<string>(SettingPattern().Matches(bicep).Select(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    [Fact]
    public void The_function_app_settings_in_the_bicep_are_exactly_the_options_the_code_binds()
    {
        var code = BoundByCode();

        Assert.Contains("Tdkt:Links:SigningKeys", code);
        Assert.Contains("Tdkt:Storage:TableEndpoint", code);
        Assert.Equal(code, SetByBicep());
    }

    [Fact]
    public void The_local_settings_example_lists_the_same_settings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("functions", "local.settings.example.json")));
        var listed = document.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => p.Name.Replace("__", ":", StringComparison.Ordinal))
            .Where(n => n.StartsWith("Tdkt:", StringComparison.Ordinal));

        Assert.Equal(BoundByCode(), new SortedSet<string>(listed, StringComparer.Ordinal));
    }

    [Fact]
    public void The_host_reaches_storage_and_telemetry_by_identity_and_the_keys_come_from_key_vault()
    {
        var bicep = File.ReadAllText(RepositoryRoot.File("infra", "modules", "functionapp.bicep"));
        var storage = File.ReadAllText(RepositoryRoot.File("infra", "modules", "storage.bicep"));

        Assert.Contains("AzureWebJobsStorage__credential: 'managedidentity'", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage:", bicep.Replace("AzureWebJobsStorage__", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Tdkt__Links__SigningKeys: '@Microsoft.KeyVault(SecretUri=", bicep, StringComparison.Ordinal);
        Assert.Contains("name: 'dotnet-isolated'\n        version: '10.0'", bicep.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", storage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosts_own_welcome_page_is_turned_off()
    {
        var bicep = File.ReadAllText(RepositoryRoot.File("infra", "modules", "functionapp.bicep"));

        Assert.Contains("AzureWebJobsDisableHomepage: 'true'", bicep, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*(Tdkt__\w+):", RegexOptions.Multiline)]
    private static partial Regex SettingPattern();
}
