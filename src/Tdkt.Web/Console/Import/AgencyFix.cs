
namespace Tdkt.Web.Console.Import;

/// <summary>What the administrator chose for one unknown name: <c>alias</c> (it is <see cref="Agency"/>), <c>new</c> (add it), or anything else (leave it).</summary>
public sealed record AgencyFix(string Written, string Action, string? Agency, string? NewId, string? NewTo, string? NewSupervisor);
