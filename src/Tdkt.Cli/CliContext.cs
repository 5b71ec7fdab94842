using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tdkt.Cli;

/// <summary>What a command runs with: the product's services from environment settings (Tdkt__…), and its output streams.</summary>
public sealed class CliContext : IAsyncDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ServiceProvider services;

    private CliContext(ParseResult parse)
    {
        Out = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddTdkt(configuration)
            .BuildServiceProvider();
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public static CliContext For(ParseResult parse) => new(parse);

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
