namespace Tdkt.Web.Routing;

/// <summary>Who may call a route: anyone (the agency pages, whose signed token is the credential), or holders of the admin key.</summary>
public enum RouteAccess
{
    Anonymous,

    /// <summary>A function key in Azure (the host checks it); the admin key on the self-hosted server (header x-functions-key or ?code=).</summary>
    AdminKey,

    /// <summary>
    /// The console: anonymous to the host (a function key would not fit a browser); the handler asks for a console
    /// session (the signed cookie, or the platform's sign-in on Azure) and, for a change, an administrator and the anti-forgery token.
    /// </summary>
    ConsoleSession,
}

/// <summary>What a route answers with, which decides how a failure reads: an HTML page for people, problem+json for programs.</summary>
public enum RouteKind
{
    Page,
    Api,
}
