using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tdkt.Cli;

/// <summary>What a command runs with: the product's services from the host's settings, and its output streams.</summary>
public sealed class CliContext : IAsyncDisposable
{
    /// <summary>Indented, camelCase, Vietnamese as it is: the same as the reports' JSON.</summary>
    public static JsonSerializerOptions JsonOptions => Tdkt.Reports.ReportBuilder.JsonOptions;

    private readonly ServiceProvider services;

    private CliContext(ParseResult parse, CliHost host)
    {
        Out = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        var collection = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        host.Replace?.Invoke(collection);
        services = collection.AddTdkt(host.Configuration).BuildServiceProvider();
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public static CliContext For(ParseResult parse, CliHost host) => new(parse, host);

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>The progress line for long work when a person is watching (stderr is a terminal, no --json); else null.</summary>
    public ConsoleProgress? Progress(bool json) => ConsoleProgress.ForTerminal(Error, json);

    public Task WriteJsonAsync<T>(T value) => Out.WriteLineAsync(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>One clear line on stderr, and the exit code to return.</summary>
    public async Task<int> FailAsync(string message, int exitCode = ExitCodes.Failure)
    {
        await Error.WriteLineAsync($"tdkt: {message}");
        return exitCode;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
