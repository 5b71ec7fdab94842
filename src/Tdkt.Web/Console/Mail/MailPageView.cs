using Tdkt.Pages;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Mail;

[PageModel]
public sealed record MailPageView(IReadOnlyList<FilterOption> Statuses, string Status, string? Day, IReadOnlyList<MailDayView> Days,
    IReadOnlyList<MailRowView> Rows, string Count, int DaysShown = ConsoleMailPage.Days)
{
    /// <summary>How many of the listed digests can be sent again (failed, and not given up for good).</summary>
    public int Retryable => Rows.Count(r => r.CanRetry);
}
