using System.Reflection;

namespace Tdkt.Hosting;

/// <summary>What this build is: shown by <c>tdkt --version</c> and the health endpoint.</summary>
public sealed record AppInfo(string Name, string Version)
{
    /// <summary>The version without the build metadata the SDK appends ("+{commit}"): what anonymous callers may see.</summary>
    public string PublicVersion => Version.Split('+')[0];

    public static AppInfo Current { get; } = FromAssembly(typeof(AppInfo).Assembly);

    private static AppInfo FromAssembly(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return new AppInfo("tdkt", informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0");
    }
}
