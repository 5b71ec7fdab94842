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

/// <summary>
/// Whether the platform's authentication (App Service Authentication with Microsoft Entra ID) is on; only then is the
/// signed-in person read from the <c>X-MS-CLIENT-PRINCIPAL-NAME</c> header the platform sets. Read from the platform's
/// own <c>WEBSITE_AUTH_ENABLED</c> (not a product setting, and not something a request can set).
/// </summary>
public sealed record PlatformSignIn(bool Enabled);
