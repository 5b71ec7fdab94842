using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Routing;

namespace Tdkt.Tests.Functions;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class FunctionsMetadataTests
{
    /// <summary>
    /// The functions that are not HTTP routes, with their triggers; a new one must be added here on purpose. The HTTP
    /// functions are the routes of <see cref="WebRoutes.All"/>, the one list of them.
    /// </summary>
    private static readonly FunctionTrigger[] NotHttp =
    [
        new("Dispatch", "queueTrigger", null, null, null, null, "%Tdkt:Mail:DispatchQueue%"),
        new("DispatchPending", "timerTrigger", null, null, null, "0 */5 * * * *", null),
        new("Sweep", "timerTrigger", null, null, null, "%Tdkt:Sweep:Schedule%", null),
    ];

    /// <summary>
    /// A route as the Functions host must declare it: the agency's pages, its feed and files are anonymous (the signed
    /// token in the route is the credential), the console too (its handlers ask for a console session, and for a change
    /// an administrator and the anti-forgery token); the admin API needs a function key.
    /// </summary>
    private static FunctionTrigger Declared(WebRoute route) =>
        new(route.Name, "httpTrigger", route.Pattern, string.Join(",", route.Methods), route.Access == RouteAccess.AdminKey ? "Function" : "Anonymous", null, null);

    [Fact]
    public void The_build_declares_exactly_the_intended_functions_and_bindings()
    {
        var actual = FunctionsMetadata.Read();

        Assert.Equal(
            WebRoutes.All.Select(Declared).Concat(NotHttp).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString()),
            actual.Select(f => f.ToString()));
    }

    [Fact]
    public void Run_from_the_example_settings_the_host_answers_no_welcome_page_at_its_root_as_deployed()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Infrastructure.RepositoryRoot.File("functions", "local.settings.example.json")));
        var bicep = File.ReadAllText(Infrastructure.RepositoryRoot.File("infra", "modules", "functionapp.bicep"));

        Assert.Equal("true", document.RootElement.GetProperty("Values").GetProperty("AzureWebJobsDisableHomepage").GetString());
        Assert.Contains("AzureWebJobsDisableHomepage: 'true'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_a_binding_names_is_a_documented_product_setting()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Infrastructure.RepositoryRoot.File("functions", "local.settings.example.json")));
        var documented = document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var named = FunctionsMetadata.Read()
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.ToString(), "%([^%]+)%").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, setting => Assert.Contains(setting, documented));
    }
}
