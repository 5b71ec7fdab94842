using Tdkt.Pages;

namespace Tdkt.Web.Console;

[PageModel]
public sealed record AuditView(string At, string By, string Action, string Subject);
