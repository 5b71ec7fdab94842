using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Functions.Health;
using Tdkt.Hosting;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Functions;

public sealed class HealthFunctionTests(LocalServices services)
{
    [Fact]
    public async Task Health_answers_200_with_the_version_when_storage_is_reachable()
    {
        using var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0));
        var function = ActivatorUtilities.CreateInstance<HealthFunction>(provider);

        var result = Assert.IsType<ObjectResult>(await function.Run(new DefaultHttpContext().Request, TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        var report = Assert.IsType<HealthReport>(result.Value);
        Assert.Equal("ok", report.Storage);
        Assert.Equal(AppInfo.Current.Version, report.Version);
        Assert.Equal("2023-03-24T01:00:00Z", report.CheckedAt);
    }

    [Fact]
    public async Task Health_answers_503_when_storage_cannot_be_reached()
    {
        var closedPort = FreePort.Next();
        var unreachable = services.Azurite.ConnectionString.Replace(
            $"127.0.0.1:{services.Azurite.TablePort}", $"127.0.0.1:{closedPort}", StringComparison.Ordinal);
        using var provider = TestHost.Services(unreachable, Instant.FromUtc(2023, 3, 24, 1, 0));
        var function = ActivatorUtilities.CreateInstance<HealthFunction>(provider);

        var result = Assert.IsType<ObjectResult>(await function.Run(new DefaultHttpContext().Request, TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        Assert.Equal("unreachable", Assert.IsType<HealthReport>(result.Value).Storage);
    }
}
