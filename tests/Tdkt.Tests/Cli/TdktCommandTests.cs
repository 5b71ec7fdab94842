using Tdkt.Hosting;

namespace Tdkt.Tests.Cli;

public sealed class TdktCommandTests
{
    [Fact]
    public async Task Version_prints_the_build_version()
    {
        var result = await CliProcess.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AppInfo.Current.Version, result.StdOut.Trim());
    }

    [Fact]
    public async Task Help_describes_the_command_in_Vietnamese_and_English()
    {
        var result = await CliProcess.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("thi đua, khen thưởng", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--version", result.StdOut, StringComparison.Ordinal);
    }
}
