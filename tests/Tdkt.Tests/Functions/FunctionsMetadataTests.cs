namespace Tdkt.Tests.Functions;

public sealed class FunctionsMetadataTests
{
    /// <summary>Every function the app exposes, with its trigger; a new function must be added here on purpose.</summary>
    private static readonly FunctionTrigger[] Expected =
    [
        new("Health", "httpTrigger", "health", "GET", "Anonymous", null, null),
        new("ImportPlan", "httpTrigger", "plans", "POST", "Function", null, null),
        new("ListPlans", "httpTrigger", "plans", "GET", "Function", null, null),
    ];

    [Fact]
    public void The_build_declares_exactly_the_intended_functions_and_bindings()
    {
        var actual = FunctionsMetadata.Read();

        Assert.Equal(
            Expected.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString()),
            actual.Select(f => f.ToString()));
    }
}
