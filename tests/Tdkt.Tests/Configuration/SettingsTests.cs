using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Configuration;

public sealed class SettingsTests
{
    /// <summary>Every bound options class: a public type named *Options with a <c>Section</c> constant under "Tdkt".</summary>
    private static IEnumerable<(string Section, PropertyInfo Property)> BoundSettings() =>
        from type in new[] { typeof(TdktServiceCollectionExtensions).Assembly, typeof(Tdkt.Web.WebServiceCollectionExtensions).Assembly }.SelectMany(a => a.GetExportedTypes())
        where type.Name.EndsWith("Options", StringComparison.Ordinal)
        let section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        where section is not null
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanWrite
        select (section, property);

    [Fact]
    public void Every_setting_the_app_binds_is_documented_in_local_settings_example()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("functions", "local.settings.example.json")));
        var documented = document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var bound = BoundSettings().Select(s => $"{s.Section.Replace(":", "__", StringComparison.Ordinal)}__{s.Property.Name}").ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, key => Assert.Contains(key, documented));
        var unknown = documented.Where(k => k.StartsWith("Tdkt__", StringComparison.Ordinal)).Except(bound);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Storage_defaults_to_the_local_Azurite_development_account()
    {
        var services = new ServiceCollection().AddTdkt(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Contains("TableEndpoint=http://127.0.0.1:10002/devstoreaccount1", options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_storage_connection_is_rejected_naming_the_setting()
    {
        using var provider = TestHost.Services("", Instant.FromUtc(2023, 1, 2, 1, 0));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
