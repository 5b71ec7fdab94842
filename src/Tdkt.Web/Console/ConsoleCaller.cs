using Microsoft.AspNetCore.Http;

namespace Tdkt.Web.Console;

/// <summary>
/// Who a console request comes from, as the host's one access check admitted it (<see cref="ConsoleGate.AdmitAsync"/>, run
/// for every console route by the worker middleware in Azure and by an endpoint filter on the self-hosted server): the
/// signed-in user and, for a POST, the form whose anti-forgery token was checked. A handler reads it; it never checks a session itself.
/// </summary>
public sealed record ConsoleCaller(ConsoleUser User, IFormCollection? Form)
{
    /// <summary>The caller the access check admitted; a console handler reached without it is a wiring fault, not a stranger.</summary>
    public static ConsoleCaller Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<ConsoleCaller>()
            // Not the path: a console path can carry a sign-in token, and exceptions reach the exported logs.
            ?? throw new InvalidOperationException("A console handler was reached without the access check.");
    }

    /// <summary>The administrator and the checked form of a change.</summary>
    public (ConsoleUser User, IFormCollection Form) Change =>
        (User, Form ?? throw new InvalidOperationException("A console change was admitted without its form."));

    public void Admit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(this);
    }
}
