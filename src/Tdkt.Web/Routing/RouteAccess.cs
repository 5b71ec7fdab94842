namespace Tdkt.Web.Routing;

/// <summary>Who may call a route: anyone (the agency pages, whose signed token is the credential), or holders of the admin key.</summary>
public enum RouteAccess
{
    Anonymous,

    /// <summary>A function key in Azure (the host checks it); the admin key on the self-hosted server (header x-functions-key or ?code=).</summary>
    AdminKey,

    /// <summary>
    /// The console, for anyone signed in (viewer or administrator): anonymous to the host (a function key would not fit a
    /// browser); the host's one access check (<c>ConsoleGate.AdmitAsync</c>) asks for the console session (the signed
    /// cookie, or the platform's sign-in on Azure) and, for a POST, the session's anti-forgery token.
    /// </summary>
    ConsoleSession,

    /// <summary>The same, for administrators only: every change, and the pages that exist only to make one.</summary>
    ConsoleChange,
}
