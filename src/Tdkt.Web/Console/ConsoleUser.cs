using Tdkt.Administration;

namespace Tdkt.Web.Console;

/// <summary>The person using the console: who, with which role, in which session (the anti-forgery tokens are bound to it).</summary>
public sealed record ConsoleUser(string Email, AdminRole Role, string SessionId)
{
    public bool CanChange => Role == AdminRole.Admin;
}
