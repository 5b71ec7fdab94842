using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Storage;

namespace Tdkt.Cli;

/// <summary>
/// What <c>tdkt</c> runs with: its settings (the environment's <c>Tdkt__…</c> variables for a person; any
/// configuration in tests) and services registered before the product's own, e.g. a test's clock.
/// </summary>
public sealed record CliHost(IConfiguration Configuration, Action<IServiceCollection>? Replace = null)
{
    public static CliHost FromEnvironment() => new(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>The same settings with a clock of the caller's (tests run commands at a date of the plan).</summary>
    public CliHost WithClock(IClock clock) => this with { Replace = services => { Replace?.Invoke(services); services.AddSingleton(clock); } };

    /// <summary>Runs a command body with the product's services; storage that cannot be reached, or refuses, is one clear line and exit 1.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<CliContext, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var context = CliContext.For(parse, this);
        try
        {
            return await body(context);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            return await context.FailAsync($"cấu hình không hợp lệ: {string.Join("; ", ex.Failures)}", ExitCodes.BadInput);
        }
        catch (Exception ex) when (StorageFailure.IsStorage(ex))
        {
            return await context.FailAsync(StorageFailure.Describe(ex) + (StorageFailure.IsTransient(ex) ? " (Tdkt__Storage__ConnectionString)" : ""));
        }
    }
}
