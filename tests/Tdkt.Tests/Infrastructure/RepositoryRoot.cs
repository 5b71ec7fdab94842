namespace Tdkt.Tests.Infrastructure;

/// <summary>The checkout the tests run from: found by walking up to the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Tdkt.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find Tdkt.Functions.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
