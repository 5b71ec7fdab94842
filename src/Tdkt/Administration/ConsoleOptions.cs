namespace Tdkt.Administration;

/// <summary>The administrators' console (<c>Tdkt:Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Tdkt:Console";

    /// <summary>
    /// The first administrator's email (a deployment parameter): added (or made an administrator again) when the console's
    /// users are first read while there is no administrator, so a new deployment has someone who can add the others.
    /// </summary>
    public string? FirstAdmin { get; set; }
}
