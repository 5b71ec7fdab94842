using Microsoft.Extensions.Configuration;
using Tdkt.Cli;

namespace Tdkt.Tests.Cli;

/// <summary>
/// Runs <c>tdkt</c>'s command line in this process, as <see cref="CliProcess"/> runs the built program: the same
/// parsing, commands, output and exit codes, with the settings given as the environment variables a person would set.
/// A few smoke tests still start the real process (<see cref="CliProcess"/>); the rest use this, which is much faster.
/// </summary>
public static class CliInProcess
{
    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public static Task<CliResult> RunAsync(IDictionary<string, string> environment, params string[] arguments) => RunAsync(environment, null, arguments);

    /// <summary>The same, with the clock the commands read "today" from (null: the machine's).</summary>
    public static async Task<CliResult> RunAsync(IDictionary<string, string> environment, NodaTime.IClock? clock, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // As the environment-variables provider reads them: Tdkt__Storage__Prefix is Tdkt:Storage:Prefix.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(configuration);
        var exitCode = await TdktCommand.RunAsync(arguments, output, error, clock is null ? host : host.WithClock(clock));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
