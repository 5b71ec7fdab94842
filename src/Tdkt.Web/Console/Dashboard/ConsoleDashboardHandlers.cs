using Microsoft.AspNetCore.Http;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Dashboard;

/// <summary>Tổng quan: every tracked plan's progress, what is overdue or due soon, the last sweeps.</summary>
public sealed class ConsoleDashboardHandlers(ConsoleGate gate, ConsolePages pages)
{
    public async Task<IResult> DashboardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        return HtmlPages.Html(StatusCodes.Status200OK, await pages.DashboardAsync(user, gate.NoticeFrom(request, user), cancellationToken));
    }
}
