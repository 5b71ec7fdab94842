using Tdkt.Pages;

namespace Tdkt.Web.Console.Mail;

/// <summary>One day of the outbox: its digests in each state, the way to list them (<c>?day=…&amp;status=…</c>).</summary>
[PageModel]
public sealed record MailDayView(string Day, string Date, int Sent, int Pending, int Sending, int Failed, bool Selected);
