namespace Tdkt.Web.Console;

/// <summary>
/// Whether the platform's authentication (App Service Authentication with Microsoft Entra ID) is on; only then is the
/// signed-in person read from the <c>X-MS-CLIENT-PRINCIPAL-NAME</c> header the platform sets. Read from the platform's
/// own <c>WEBSITE_AUTH_ENABLED</c> (not a product setting, and not something a request can set).
/// </summary>
public sealed record PlatformSignIn(bool Enabled);
