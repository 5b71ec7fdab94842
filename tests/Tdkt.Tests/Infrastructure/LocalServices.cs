using Tdkt.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(LocalServices))]

namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// The real services the tests run against, started once per test run and stopped at its end,
/// whether tests pass or fail. A missing prerequisite fails the run with the command that installs it.
/// </summary>
public sealed class LocalServices : IAsyncLifetime
{
    public AzuriteServer Azurite { get; } = new();
    public Smtp4devServer Smtp4dev { get; } = new();

    public async ValueTask InitializeAsync()
    {
        try
        {
            await Task.WhenAll(Azurite.StartAsync(), Smtp4dev.StartAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await Smtp4dev.DisposeAsync();
    }
}
