using Tdkt.Pages;

namespace Tdkt.Web.Console.Mail;

/// <summary>A digest in the outbox as the console lists it.</summary>
[PageModel]
public sealed record MailRowView(string Key, string Date, string Kind, string Agency, string To, int Items, string Status, int Attempts, string? Why, bool CanRetry);
