using Tdkt.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(LocalServices))]

namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// The real services the tests run against, started once per test run, on the first test that asks for one (so a run of
/// the tests that need none, <c>./test.sh quick</c>, starts nothing), and stopped at the run's end, whether tests pass or
/// fail. A missing prerequisite fails the test that asked, with the command that installs it.
/// </summary>
public sealed class LocalServices : IAsyncLifetime
{
    private readonly AzuriteServer azurite = new();
    private readonly Smtp4devServer smtp4dev = new();
    private readonly Lazy<Task> started;

    public LocalServices() =>
        // Started off the test's synchronization context, so a test that blocks on it does not hold what the start needs.
        started = new Lazy<Task>(() => Task.Run(() => Task.WhenAll(azurite.StartAsync(), smtp4dev.StartAsync())));

    public AzuriteServer Azurite => Started(azurite);

    public Smtp4devServer Smtp4dev => Started(smtp4dev);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await azurite.DisposeAsync();
        await smtp4dev.DisposeAsync();
    }

    private T Started<T>(T server)
    {
        started.Value.GetAwaiter().GetResult();
        return server;
    }
}
