using System.Text.Json;

namespace Tdkt.Tests.Functions;

/// <summary>One function as the Functions host will see it, read from the build's functions.metadata.</summary>
public sealed record FunctionTrigger(string Name, string Type, string? Route, string? Methods, string? AuthLevel, string? Schedule, string? Queue)
{
    public override string ToString() =>
        $"{Name}: {Type} route={Route} methods={Methods} auth={AuthLevel} schedule={Schedule} queue={Queue}";
}

public static class FunctionsMetadata
{
    public static IReadOnlyList<FunctionTrigger> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata is missing from {AppContext.BaseDirectory}: the Worker SDK build did not run.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Parse).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static FunctionTrigger Parse(JsonElement function)
    {
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        return new FunctionTrigger(
            function.GetProperty("name").GetString()!,
            trigger.GetProperty("type").GetString()!,
            Text(trigger, "route"),
            trigger.TryGetProperty("methods", out var methods)
                ? string.Join(",", methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal))
                : null,
            Text(trigger, "authLevel"),
            Text(trigger, "schedule"),
            Text(trigger, "queueName"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
